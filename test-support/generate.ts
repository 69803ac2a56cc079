/**
 * A seeded generator of random VALID scenarios, for benches and property tests: a layered graph
 * (no loops) of decision nodes with 2–4 options, mood effects, flags and conditions on them,
 * conditional routes, time limits and at least three endings (fan, neutral, lost). Conditions
 * that turn out never to hold are removed with the engine's own analysis, so what comes out has
 * no errors.
 */
import type { Condition, DecisionNode, Effects, Ending, Option, Route, Scenario } from '../src/engine/types';
import { SCENARIO_FORMAT_VERSION } from '../src/engine/types';
import { analyseScenario } from '../src/engine/analyse';
import { seededRandom } from '../src/engine/option-order';

/** The engine's seeded generator (mulberry32), so the generated scenarios and the game draw alike. */
export { seededRandom };

/** What to generate. */
export interface GenerateOptions {
  /** Number of decision nodes (at least 1). */
  nodes: number;
  seed?: number;
  /** Number of distinct flags (default 1). More flags multiply the reachable states. */
  flags?: number;
  /** Texts in both languages ({nl, en}) instead of one plain string (bigger files). */
  bilingual?: boolean;
}

const OPTION_IDS = ['a', 'b', 'c', 'd'];

/**
 * Generates a valid scenario with exactly `nodes` decision nodes (ids n0, n1, ...) and the
 * endings "fan", "neutral" and "lost". The same options always give the same scenario.
 */
export function generateScenario(options: GenerateOptions): Scenario {
  const rand = seededRandom(options.seed ?? 1);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const text = (en: string, nl: string) => (options.bilingual ? { nl, en } : en);
  const count = Math.max(1, Math.floor(options.nodes));
  const flagNames = Array.from({ length: options.flags ?? 1 }, (_, i) => `f${i}`);

  const layers: string[][] = [['n0']];
  for (let i = 1; i < count; ) {
    const width = Math.min(int(1, 4), count - i);
    layers.push(Array.from({ length: width }, (_, k) => `n${i + k}`));
    i += width;
  }
  const endingIds = ['fan', 'neutral', 'lost'];
  const nodes: Record<string, DecisionNode> = {};
  layers.forEach((layer, L) => {
    const next = L + 1 < layers.length ? layers[L + 1] : endingIds;
    const later = L + 2 < layers.length ? [...next, ...layers[L + 2]] : next;
    const cover = Math.ceil(next.length / layer.length);
    layer.forEach((id, i) => {
      const n = Math.min(4, Math.max(int(2, 4), cover));
      const opts: Option[] = [];
      for (let k = 0; k < n; k++) {
        const covering = (i + k * layer.length) < next.length ? next[i + k * layer.length] : null;
        const effects: Effects = {};
        const w = int(-2, 2);
        const ini = int(-2, 2);
        const out = int(-2, 2);
        const mood = int(-2, 2);
        if (k === 1 && w === (opts[0].effects?.warmth ?? 0)) effects.warmth = w === 2 ? 1 : w + 1;
        else if (w) effects.warmth = w;
        if (ini) effects.initiative = ini;
        if (out) effects.outcome = out;
        if (mood) effects.mood = mood;
        if (flagNames.length && rand() < 0.1) effects.flags = { [pick(flagNames)]: rand() < 0.8 };
        const option: Option = {
          id: OPTION_IDS[k],
          text: text(`Say ${OPTION_IDS[k]}`, `Zeg ${OPTION_IDS[k]}`),
          effects,
          feedback: text(`Why ${OPTION_IDS[k]}.`, `Waarom ${OPTION_IDS[k]}.`),
          next: covering ?? pick(later),
        };
        if (covering === null && k > 0) {
          const roll = rand();
          if (roll < 0.15) option.when = { mood: { min: int(-2, 2) } };
          else if (roll < 0.25 && flagNames.length) option.when = { flags: { [pick(flagNames)]: true } };
          else if (roll < 0.4) {
            const when: Condition = { mood: { max: int(-4, -2) } };
            option.next = [{ when, to: 'lost' }, { to: pick(later) }];
          }
        }
        opts.push(option);
      }
      const node: DecisionNode = {
        situation: text(`At ${id}.`, `Bij ${id}.`),
        customer: { says: text('Hello?', 'Hallo?') },
        options: opts,
      };
      if (rand() < 0.2) {
        node.timeLimit = {
          seconds: int(10, 60),
          effects: { warmth: -1, mood: -1 },
          feedback: text('Letting the customer wait costs goodwill.', 'De klant laten wachten kost goodwill.'),
          next: pick(next),
        };
      }
      nodes[id] = node;
    });
  });
  const endings: Record<string, Ending> = {
    fan: { title: text('A fan', 'Een fan'), text: text('They come back.', 'Ze komen terug.'), tone: 'fan', effects: { outcome: 2 } },
    neutral: { title: text('Served', 'Geholpen'), text: text('Served, nothing more.', 'Geholpen, meer niet.'), tone: 'neutral' },
    lost: { title: text('Lost', 'Kwijt'), text: text('They leave unhappy.', 'Ze vertrekken ontevreden.'), tone: 'lost', effects: { outcome: -2 } },
  };
  const scenario: Scenario = {
    formatVersion: SCENARIO_FORMAT_VERSION,
    id: `generated-${count}-${options.seed ?? 1}`,
    title: text(`Generated scenario (${count} nodes)`, `Gegenereerd scenario (${count} knopen)`),
    description: text('A generated scenario for tests and benches.', 'Een gegenereerd scenario voor tests en metingen.'),
    setting: 'shop',
    ambience: 'shop',
    player: text('You work in a shop.', 'Je werkt in een winkel.'),
    customer: { name: 'Sam', initialMood: int(-1, 1) },
    languages: ['nl', 'en'],
    intro: text('A customer walks in.', 'Er komt een klant binnen.'),
    estimatedMinutes: 4,
    start: 'n0',
    nodes,
    endings,
  };
  repair(scenario);
  return scenario;
}

/** Removes conditions and routes the analysis finds never apply, until no error is left. */
function repair(scenario: Scenario): void {
  for (let round = 0; round < 20; round++) {
    const errors = analyseScenario(scenario, { findingsPerCode: Infinity }).findings.filter((f) => f.severity === 'error' || f.code === 'route-never-taken');
    if (errors.length === 0) return;
    for (const f of errors) {
      const [, node, kind, index] = f.path;
      if (typeof node !== 'string' || kind !== 'options' || typeof index !== 'number') continue;
      const option = scenario.nodes[node]?.options[index];
      if (!option) continue;
      if (f.path[4] === 'when') delete option.when;
      else if (Array.isArray(option.next)) option.next = (option.next[option.next.length - 1] as Route).to;
    }
    const other = errors.find((f) => f.path[2] !== 'options');
    if (other) throw new Error(`generateScenario: unexpected problem ${other.code}: ${other.message}`);
  }
}
