/**
 * Small hand-written scenarios for the engine's unit tests: one good scenario that uses every
 * feature (timed decision, flags, conditional option and route, three endings), and a helper to
 * build broken variants of it.
 */
import type { Run, RunEvent, Scenario } from '../src/engine/types';

/** When the sample runs start (ms since the epoch). */
export const T0 = 1_700_000_000_000;

/** A coaching run of the sample scenario with these events, started at T0. */
export function sampleRun(events: RunEvent[], extra: Partial<Run> = {}): Run {
  return { formatVersion: 1, id: 'r1', scenarioId: 'sample-bakery', scenarioHash: 'x', playerId: null, mode: 'coaching', timerScale: 1, startedAt: T0, events, ...extra };
}

/** The event of choosing `option` at `node` at time `at`. */
export function choose(node: string, option: string, at: number): RunEvent {
  return { type: 'choice.select', node, option, at };
}

/** A small, valid scenario using every feature of the format. */
export function sampleScenario(): Scenario {
  return {
    formatVersion: 1,
    id: 'sample-bakery',
    title: { nl: 'Bakker', en: 'Bakery' },
    description: { nl: 'Een klant wil taart.', en: 'A customer wants cake.' },
    setting: 'shop',
    player: { nl: 'Je staat achter de toonbank.', en: 'You are behind the counter.' },
    customer: { name: 'Anna', initialMood: 0 },
    languages: ['nl', 'en'],
    intro: { nl: 'Het is druk.', en: 'It is busy.' },
    estimatedMinutes: 3,
    start: 'greet',
    nodes: {
      greet: {
        situation: { nl: 'Anna komt binnen.', en: 'Anna walks in.' },
        customer: { says: { nl: 'Hallo?', en: 'Hello?' }, expression: 'neutral' },
        options: [
          { id: 'warm', text: 'Goedemiddag!', effects: { warmth: 2, mood: 1 }, feedback: 'Greets.', next: 'ask' },
          { id: 'cold', text: 'Zeg het maar.', effects: { warmth: -1, mood: -1 }, feedback: 'Cold.', next: 'ask' },
          { id: 'ignore', text: '(Keep chatting)', effects: { warmth: -2, mood: -2 }, feedback: 'Ignores.', next: 'ask' },
        ],
        timeLimit: { seconds: 10, effects: { warmth: -1, mood: -1 }, feedback: 'Waiting.', next: 'ask' },
      },
      ask: {
        situation: 'Anna asks for a cake that is sold out.',
        customer: { says: 'Do you have the chocolate cake?' },
        options: [
          {
            id: 'order',
            text: 'I can order it for Saturday.',
            effects: { initiative: 2, outcome: 1, mood: 1, flags: { ordered: true } },
            feedback: 'Owns the problem.',
            next: 'close',
          },
          {
            id: 'no',
            text: 'Sold out.',
            effects: { initiative: -1, outcome: -1, mood: -1 },
            feedback: 'Rule without a way forward.',
            next: [{ when: { mood: { max: -3 } }, to: 'lost' }, { to: 'close' }],
          },
        ],
      },
      close: {
        situation: 'Time to finish.',
        options: [
          { id: 'callback', text: 'I will call you when it arrives.', effects: { warmth: 1, initiative: 1, outcome: 1 }, feedback: 'Promise.', next: 'fan', when: { flags: { ordered: true } } },
          { id: 'bye', text: 'Bye.', effects: { outcome: 0 }, feedback: 'Neutral.', next: 'neutral' },
          { id: 'upsell', text: 'Anything else?', effects: { initiative: 1, outcome: 1, mood: -1 }, feedback: 'Pushy.', next: [{ when: { mood: { min: 1 } }, to: 'fan' }, { to: 'neutral' }] },
        ],
      },
    },
    endings: {
      fan: { title: 'A fan', text: 'She comes back.', tone: 'fan', effects: { outcome: 2 }, customer: { expression: 'delighted' } },
      neutral: { title: 'Served', text: 'She leaves.', tone: 'neutral' },
      lost: { title: 'Lost', text: 'She walks out.', tone: 'lost', effects: { outcome: -2 } },
    },
  };
}

/** A deep copy of the sample with a change applied, for broken-scenario tests. */
export function variant(change: (s: Scenario) => void): Scenario {
  const s = sampleScenario();
  change(s);
  return s;
}
