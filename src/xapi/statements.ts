/**
 * The xAPI 1.0.3 statements of a run, built by replaying its event log. Deterministic: no I/O, no
 * clock, no randomness; the same scenario, run and options always give the same statements with the
 * same ids (UUID v5 of the run id and the event index), so sending them twice is harmless.
 *
 * Per run: `initialized` at the start; per decision one `answered` (the node as a cmi.interaction
 * of type choice, the options in the order shown, with their text in nl and en; result.response
 * the option id) or one `timed out`; the customer's mood after each step in a result extension;
 * at the end `completed`, `passed` or `failed` (overall score against the mastery threshold), and
 * one `scored` per dimension on an objective activity (…/dimensions/warmth) with
 * result.score.scaled, raw, min and max.
 *
 * In a cmi5 launch the context is the LMS's context template with ours added (cmi5-context.ts).
 *
 * The builder is incremental and keeps the state of the log it has seen (`RunStatements.advance`),
 * so the live game can queue the statements of each event in the same database transaction as the
 * event; the statements of a log are always the statements of its prefix followed by those of the
 * new events.
 *
 * The one import besides the engine is `uuid` (v5, SHA-1 name-based ids): pure code, no I/O.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Analysis, Dimension, Lang, PlayState, Run, RunEvent, Scenario, TakenStep, Text } from '../engine';
import { applyEvent, DIMENSIONS, initialPlayState, LANGS, scoreState, t } from '../engine';
import { cmi5Context, type Cmi5Context } from './cmi5-context';
import type { LanguageMap, XapiActivity, XapiAgent, XapiContext, XapiGroup, XapiResult, XapiStatement, XapiVerb } from './types';

/** The namespace of Frontlijn's statement ids and registrations (UUID v5). Never change it. */
export const XAPI_NAMESPACE = 'a7d3c2f4-1b6e-5c8a-9f0d-3e2b1a4c5d6f';

/** The overall score (0–100) at or above which a run is `passed`, unless a room or deployment sets another. */
export const DEFAULT_MASTERY_THRESHOLD = 60;

export const VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { en: 'initialized', nl: 'begon' } },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { en: 'answered', nl: 'antwoordde' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed', nl: 'voltooide' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { en: 'passed', nl: 'slaagde voor' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { en: 'failed', nl: 'zakte voor' } },
  scored: { id: 'http://adlnet.gov/expapi/verbs/scored', display: { en: 'scored', nl: 'scoorde' } },
} satisfies Record<string, XapiVerb>;

const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const SIMULATION = 'http://adlnet.gov/expapi/activities/simulation';
const OBJECTIVE = 'http://adlnet.gov/expapi/activities/objective';
/** RFC 5646 tags of the UI languages. */
const TAGS: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Who played and for whom; everything a deployment decides. */
export interface StatementOptions {
  /**
   * The IRI all of Frontlijn's activities, the time-out verb and the extensions hang under,
   * e.g. "https://training.example.org/frontlijn/xapi". One per deployment: the same scenario
   * then has the same activity id in every room and shop.
   */
  base: string;
  /** The player. Build it with `playerAgent` unless a launch gave one. */
  actor: XapiAgent;
  /** The player's team, when they have one (an identified Group, `teamGroup`). */
  team?: XapiGroup;
  /** The language the run was played in. */
  lang: Lang;
  /** Overall score 0–100 at or above which the run is passed (default 60). */
  masteryThreshold?: number;
  /**
   * The scenario's analysis (score ranges), needed for the end of a run; a function is called only
   * when the run has ended (analysing a big scenario costs time the steps before need not pay).
   */
  analysis?: Pick<Analysis, 'ranges'> | (() => Pick<Analysis, 'ranges'>);
  /**
   * A cmi5 launch: every statement is then "cmi5 allowed" (cmi5-context.ts): the LMS's context
   * template and registration, and the run's own registration in the `run` extension, so the
   * runs of one LMS registration stay apart. Without it the context is the run's alone.
   */
  cmi5?: Cmi5Context;
}

/** The player as an Agent identified by an account (home page + stable id); never an e-mail address. */
export function playerAgent(homePage: string, playerId: string, name?: string): XapiAgent {
  const agent: XapiAgent = { objectType: 'Agent', account: { homePage, name: playerId } };
  if (name) agent.name = name;
  return agent;
}

/** A team as an identified Group (account with the team's stable id). */
export function teamGroup(homePage: string, teamId: string, name?: string): XapiGroup {
  const group: XapiGroup = { objectType: 'Group', account: { homePage, name: teamId } };
  if (name) group.name = name;
  return group;
}

/** The run's registration: a UUID v5 of the run id (stable across devices and resends). */
export function registrationOf(runId: string): string {
  return uuidv5(`run:${runId}`, XAPI_NAMESPACE);
}

/**
 * The run a statement read back from an LRS belongs to: its `run` extension where it has one (a
 * cmi5 launch, whose registration is the LMS's and shared by all the learner's runs there), else
 * its registration (every other statement, and those sent before the extension existed).
 */
export function runKeyOf(context: { registration?: unknown; extensions?: Record<string, unknown> } | undefined): string | undefined {
  const ext = context?.extensions ?? {};
  const key = Object.keys(ext).find((k) => k.endsWith('/extensions/run'));
  const run = key ? ext[key] : undefined;
  if (typeof run === 'string') return run;
  return typeof context?.registration === 'string' ? context.registration : undefined;
}

/** A statement's id: a UUID v5 of the run id and the event index (plus a part for several statements of one event). */
export function statementId(runId: string, eventIndex: number | 'start', part = ''): string {
  return uuidv5(`run:${runId}#${eventIndex}${part ? `/${part}` : ''}`, XAPI_NAMESPACE);
}

/** The IRIs under a deployment's base. */
export function iris(base: string, scenarioId: string) {
  const root = base.replace(/\/+$/, '');
  const scenario = `${root}/scenarios/${encodeURIComponent(scenarioId)}`;
  return {
    scenario,
    node: (node: string) => `${scenario}/nodes/${encodeURIComponent(node)}`,
    dimension: (d: Dimension) => `${scenario}/dimensions/${d}`,
    timedOut: `${root}/verbs/timed-out`,
    mood: `${root}/extensions/mood`,
    moodBefore: `${root}/extensions/mood-before`,
    ending: `${root}/extensions/ending`,
    tone: `${root}/extensions/tone`,
    mode: `${root}/extensions/mode`,
    timerScale: `${root}/extensions/timer-scale`,
    dimensionKey: `${root}/extensions/dimension`,
    /** The run's own registration (`registrationOf`), in a cmi5 launch where the LMS's takes its place. */
    run: `${root}/extensions/run`,
  };
}

/** A Text as a language map with every UI language (a plain string is the same in each). */
function languageMap(text: Text | undefined): LanguageMap {
  const out: LanguageMap = {};
  for (const lang of LANGS) {
    const value = t(text, lang);
    if (value) out[TAGS[lang]] = value;
  }
  return Object.keys(out).length ? out : { [TAGS.en]: '-' };
}

/** ISO 8601 duration of milliseconds (PT#S with up to two decimals). */
export function isoDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 10) / 100);
  return `PT${s}S`;
}

function scoreOf(raw: number, min: number, max: number, scaled: number): { scaled: number; raw: number; min: number; max: number } {
  const lo = Math.min(min, raw);
  const hi = Math.max(max, raw, lo);
  return { scaled: Math.max(-1, Math.min(1, scaled)), raw, min: lo, max: hi };
}

/**
 * The statements of one run, built as its log grows. `advance(run)` returns the statements of the
 * events added since the last call (the `initialized` statement on the first), and the end-of-run
 * statements once the run has reached an ending. Throws ReplayError when the log cannot be
 * replayed on the scenario.
 */
export class RunStatements {
  private state: PlayState | null = null;
  private seen = 0;
  private ended = false;
  private readonly iri: ReturnType<typeof iris>;
  private readonly scenarioActivity: XapiActivity;
  private readonly context: XapiContext;

  constructor(
    private readonly scenario: Scenario,
    private readonly run: Pick<Run, 'id' | 'scenarioId' | 'scenarioHash' | 'mode' | 'timerScale' | 'startedAt' | 'seed' | 'startNode' | 'playerId'>,
    private readonly options: StatementOptions,
  ) {
    this.iri = iris(options.base, scenario.id);
    this.scenarioActivity = {
      objectType: 'Activity',
      id: this.iri.scenario,
      definition: { type: SIMULATION, name: languageMap(scenario.title), description: languageMap(scenario.description) },
    };
    const context: XapiContext = {
      registration: registrationOf(run.id),
      revision: run.scenarioHash,
      language: TAGS[options.lang],
      contextActivities: { parent: [this.scenarioActivity] },
      extensions: { [this.iri.mode]: run.mode, [this.iri.timerScale]: run.timerScale },
    };
    if (options.team) context.team = options.team;
    if (options.cmi5) context.extensions[this.iri.run] = context.registration;
    this.context = options.cmi5 ? cmi5Context(context, options.cmi5) : context;
  }

  /** How many events have been turned into statements. */
  get eventsSeen(): number {
    return this.seen;
  }

  /** The statements of the events of `run` not yet seen (its events must extend the ones seen). */
  advance(run: Pick<Run, 'events' | 'finishedAt'>): XapiStatement[] {
    const out: XapiStatement[] = [];
    if (this.state === null) {
      this.state = initialPlayState(this.scenario, { ...this.run, events: [], formatVersion: 1 });
      out.push(this.statement('start', VERBS.initialized, this.scenarioActivity, this.run.startedAt));
    }
    const events = run.events ?? [];
    for (let i = this.seen; i < events.length; i++) {
      const before = this.state;
      const event = events[i];
      const after = applyEvent(this.scenario, before, event, i);
      if (after.steps.length > before.steps.length) out.push(this.stepStatement(event, i, after.steps[after.steps.length - 1]));
      this.state = after;
      this.seen = i + 1;
    }
    if (!this.ended && this.state.ending !== null && this.options.analysis) {
      this.ended = true;
      out.push(...this.endStatements(this.state, run.finishedAt ?? events.at(-1)?.at ?? this.run.startedAt, events.length - 1));
    }
    return out;
  }

  private statement(index: number | 'start', verb: XapiVerb, object: XapiActivity, at: number, result?: XapiResult, part = ''): XapiStatement {
    const s: XapiStatement = {
      id: statementId(this.run.id, index, part),
      actor: this.options.actor,
      verb,
      object,
      context: this.context,
      timestamp: new Date(at).toISOString(),
    };
    if (result) s.result = result;
    return s;
  }

  private stepStatement(event: RunEvent, index: number, step: TakenStep): XapiStatement {
    const node = this.scenario.nodes[step.node];
    const byId = new Map((node?.options ?? []).map((o) => [o.id, o]));
    const shown = step.shown ?? (node?.options ?? []).map((o) => o.id);
    const object: XapiActivity = {
      objectType: 'Activity',
      id: this.iri.node(step.node),
      definition: {
        type: INTERACTION,
        interactionType: 'choice',
        name: languageMap(node?.situation),
        choices: shown.map((id) => ({ id, description: languageMap(byId.get(id)?.text) })),
      },
    };
    const extensions = { [this.iri.mood]: step.moodAfter, [this.iri.moodBefore]: step.moodBefore };
    if (event.type === 'timer.expire' || step.option === null) {
      const verb: XapiVerb = { id: this.iri.timedOut, display: { en: 'timed out', nl: 'liet de tijd verlopen' } };
      return this.statement(index, verb, object, event.at, { extensions });
    }
    return this.statement(index, VERBS.answered, object, event.at, { response: step.option, extensions });
  }

  private endStatements(state: PlayState, at: number, lastIndex: number): XapiStatement[] {
    const a = this.options.analysis!;
    const analysis = typeof a === 'function' ? a() : a;
    const scores = scoreState(analysis, state, this.scenario.scoring?.weights ?? {});
    const threshold = this.options.masteryThreshold ?? DEFAULT_MASTERY_THRESHOLD;
    const ending = state.ending as string;
    const duration = isoDuration(at - this.run.startedAt);
    const endExt = {
      [this.iri.mood]: state.mood,
      [this.iri.ending]: ending,
      [this.iri.tone]: this.scenario.endings[ending]?.tone ?? 'neutral',
    };
    const overall = scoreOf(scores.overall, 0, 100, scores.overall / 100);
    const passed = scores.overall >= threshold;
    const out = [
      this.statement(lastIndex, VERBS.completed, this.scenarioActivity, at, { completion: true, duration, extensions: endExt }, 'completed'),
      this.statement(lastIndex, passed ? VERBS.passed : VERBS.failed, this.scenarioActivity, at, { success: passed, completion: true, duration, score: overall, extensions: endExt }, 'mastery'),
    ];
    for (const d of DIMENSIONS) {
      const range = analysis.ranges[d];
      const object: XapiActivity = {
        objectType: 'Activity',
        id: this.iri.dimension(d),
        definition: { type: OBJECTIVE, name: { [TAGS.en]: d, [TAGS.nl]: DIMENSION_NL[d] } },
      };
      const score = scoreOf(state.raw[d], range.min, range.max, scores[d] / 100);
      out.push(this.statement(lastIndex, VERBS.scored, object, at, { score, extensions: { [this.iri.dimensionKey]: d, [this.iri.ending]: ending } }, `scored/${d}`));
    }
    return out;
  }
}

const DIMENSION_NL: Record<Dimension, string> = { warmth: 'warmte', initiative: 'initiatief', outcome: 'resultaat' };

/** Every statement of a run so far (a fold of its whole log); see RunStatements. */
export function buildStatements(scenario: Scenario, run: Run, options: StatementOptions): XapiStatement[] {
  return new RunStatements(scenario, run, options).advance(run);
}
