/**
 * The Frontlijn scenario format (format version 1) and the run format.
 *
 * These types are the single source of truth for the format: the JSDoc on each field is the
 * description authors see in their editor (scripts/build-schema.ts turns this file into
 * scenarios/scenario.schema.json, and a unit test proves the committed schema is up to date).
 */

/** The scenario format version this engine writes and reads. */
export const SCENARIO_FORMAT_VERSION = 1;
/** The oldest scenario format version this engine can still read. */
export const MIN_SCENARIO_FORMAT_VERSION = 1;

/** A language code this product ships a UI for. */
export type Lang = 'nl' | 'en';
/** Every language the UI can show. */
export const LANGS: readonly Lang[] = ['nl', 'en'];

/** The three dimensions every choice is scored on. */
export type Dimension = 'warmth' | 'initiative' | 'outcome';
/** The dimensions, in the order they are shown everywhere. */
export const DIMENSIONS: readonly Dimension[] = ['warmth', 'initiative', 'outcome'];

/** The lowest and highest mood a customer can have; mood changes are clamped to this range. */
export const MOOD_MIN = -5;
export const MOOD_MAX = 5;

/** The customer's face and posture at a moment of the story. */
export type Expression =
  | 'neutral'
  | 'happy'
  | 'delighted'
  | 'impatient'
  | 'annoyed'
  | 'angry'
  | 'sad'
  | 'worried'
  | 'surprised'
  | 'confused';
export const EXPRESSIONS: readonly Expression[] = [
  'neutral',
  'happy',
  'delighted',
  'impatient',
  'annoyed',
  'angry',
  'sad',
  'worried',
  'surprised',
  'confused',
];

/**
 * Where the scenario takes place; picks the scene drawing: a toy or general shop, a fuel
 * station's counter, a café terrace, inside a tram, a clothing shop's till, a tram stop (the
 * tram's ramp out for a customer in a wheelchair), the shop's phone (the customer is only heard),
 * or other.
 */
export type Setting = 'shop' | 'station' | 'terrace' | 'tram' | 'clothing' | 'stop' | 'phone' | 'other';
export const SETTINGS: readonly Setting[] = ['shop', 'station', 'terrace', 'tram', 'clothing', 'stop', 'phone', 'other'];

/** The background sound played during the scenario. */
export type Ambience = 'shop' | 'station' | 'terrace' | 'tram' | 'clothing' | 'stop' | 'phone' | 'none';
export const AMBIENCES: readonly Ambience[] = ['shop', 'station', 'terrace', 'tram', 'clothing', 'stop', 'phone', 'none'];

/** The job a scenario is for, by which the scenario list groups scenarios for a trainer. */
export type Role = 'shop-floor' | 'counter' | 'hospitality' | 'transport' | 'phone';
export const ROLES: readonly Role[] = ['shop-floor', 'counter', 'hospitality', 'transport', 'phone'];

/** How an ending feels: the customer became a fan, was served but indifferent, or left unhappy. */
export type EndingTone = 'fan' | 'neutral' | 'lost';
export const ENDING_TONES: readonly EndingTone[] = ['fan', 'neutral', 'lost'];

/**
 * Text shown to the player: either one plain string (used for every language) or one string per
 * language, e.g. `{"nl": "Goedemiddag!", "en": "Good afternoon!"}`.
 * @property nl The Dutch text.
 * @property en The English text.
 */
export type Text = string | Partial<Record<Lang, string>>;

/**
 * A condition on the customer's mood, the story's flags and where the player has been. Every key
 * you write must hold (they are combined with AND). Conditions are plain data: never code or
 * expression strings.
 * Example: `{"mood": {"max": -3}}` holds when the customer's mood is -3 or lower.
 */
export interface Condition {
  /** Holds when the customer's mood is within these bounds (both inclusive). */
  mood?: {
    /**
     * The mood must be at least this (from -5 to 5).
     * @integer
     * @minimum -5
     * @maximum 5
     */
    min?: number;
    /**
     * The mood must be at most this (from -5 to 5).
     * @integer
     * @minimum -5
     * @maximum 5
     */
    max?: number;
  };
  /**
   * Holds when each named flag has the given value, e.g. `{"offeredHelp": true}`. Flags not yet set are false.
   * @pattern ^[A-Za-z][A-Za-z0-9_-]*$
   */
  flags?: Record<string, boolean>;
  /**
   * Holds when the player has already made a choice at each of these decision nodes in this run
   * (or let its time run out), e.g. `["askedName"]`. The node being played counts once it is left.
   * @minItems 1
   */
  visited?: string[];
  /**
   * Holds when every one of these conditions holds.
   * @minItems 1
   */
  all?: Condition[];
  /**
   * Holds when at least one of these conditions holds.
   * @minItems 1
   */
  any?: Condition[];
  /** Holds when this condition does not hold. */
  not?: Condition;
}

/**
 * What a choice (or a time-out, or an ending) does. Scores are points on the scoring rubric in
 * scenarios/README.md: from -2 (a harmful habit) to +2 (exemplary), 0 when the dimension is not at
 * stake. Omitted numbers count as 0.
 */
export interface Effects {
  /**
   * Points for personal attention, empathy and tone (-3 to 3).
   * @integer
   * @minimum -3
   * @maximum 3
   */
  warmth?: number;
  /**
   * Points for helping beyond the literal question and owning the problem (-3 to 3).
   * @integer
   * @minimum -3
   * @maximum 3
   */
  initiative?: number;
  /**
   * Points for the customer's need met and the business served (-3 to 3).
   * @integer
   * @minimum -3
   * @maximum 3
   */
  outcome?: number;
  /**
   * How the customer's mood changes (-3 to 3). Mood stays between -5 and 5.
   * @integer
   * @minimum -3
   * @maximum 3
   */
  mood?: number;
  /**
   * Flags to set (true) or clear (false), remembered for the rest of the story, e.g. `{"promisedCallBack": true}`.
   * @pattern ^[A-Za-z][A-Za-z0-9_-]*$
   */
  flags?: Record<string, boolean>;
}

/**
 * Where the story goes next: a node or ending id, or a list of routes tried in order, each with a
 * condition, the last one without (the default). Routes are checked after the choice's effects
 * are applied, so `{"when": {"mood": {"max": -4}}, "to": "walks-out"}` reacts to this choice too.
 */
export type Next = string | Route[];

/** One conditional route; the first whose condition holds is taken. */
export interface Route {
  /** The condition; leave it out on the last route, which is taken when no other holds. */
  when?: Condition;
  /** The id of the node or ending to go to. */
  to: string;
}

/** What the customer says and does at this moment. */
export interface CustomerLine {
  /** The customer's words, as they say them. */
  says?: Text;
  /** What the customer does, told in the third person ("She sighs and looks at her watch."). */
  does?: Text;
  /**
   * The customer's face and posture. When left out, it follows the customer's mood; in an
   * assessment, until the end, the mood the customer came in with (the mood is not shown there).
   */
  expression?: Expression;
}

/** One thing the employee could say or do. */
export interface Option {
  /**
   * A short id, unique within the node (e.g. "a", "greet-kids"); the run log refers to it.
   * @pattern ^[A-Za-z0-9_-]+$
   */
  id: string;
  /** What the employee says or does, as the player reads it on the button. */
  text: Text;
  /** Its effects on the scores, the customer's mood and the flags. */
  effects?: Effects;
  /** Why this choice works or not: one or two sentences naming the behaviour and its effect. Shown in coaching mode and in the report. */
  feedback?: Text;
  /** Where the story goes after this choice. */
  next: Next;
  /** Show this option only when the condition holds (e.g. only after the player offered to order). */
  when?: Condition;
  /**
   * Keep this option at its place in the list instead of shuffling it (options are shown in a
   * random order per run, so that the first or the longest is not a cue). Use it only where the
   * order means something, e.g. "Something else…" always last.
   */
  pinned?: boolean;
}

/** What happens when a timed decision runs out: the customer keeps waiting. */
export interface TimeLimit {
  /**
   * Seconds the player has at normal timer speed (5 to 300). Players can slow timers down or turn them off.
   * @minimum 5
   * @maximum 300
   */
  seconds: number;
  /** What the customer says or does when the time runs out. */
  customer?: CustomerLine;
  /** Effects of letting the customer wait. */
  effects?: Effects;
  /** Why waiting has this effect, shown like an option's feedback. */
  feedback?: Text;
  /** Where the story goes when the time runs out. */
  next: Next;
}

/** A decision point: the situation, the customer, and 2 to 4 options. */
export interface DecisionNode {
  /** What the player sees happening (the scene, in the second person or neutral). */
  situation: Text;
  /** What the customer says and does. */
  customer?: CustomerLine;
  /**
   * The options, 2 to 4 of them.
   * @minItems 2
   * @maxItems 4
   */
  options: Option[];
  /** Makes this a timed decision. */
  timeLimit?: TimeLimit;
  /**
   * Where this moment takes place, when it is not the scenario's setting: picks the scene drawing
   * for it (e.g. "stop" once the customer has stepped off the tram onto the platform).
   */
  setting?: Setting;
  /** Free notes for authors; never shown to players. */
  notes?: string;
}

/** How the story ends. */
export interface Ending {
  /** A short title for the ending ("A customer for life"). */
  title: Text;
  /** What happens, told as the close of the story. */
  text: Text;
  /** How it feels: "fan", "neutral" or "lost". */
  tone: EndingTone;
  /** The customer's last words and face. */
  customer?: CustomerLine;
  /** Effects of reaching this ending (e.g. outcome points for a sale). */
  effects?: Effects;
  /**
   * Where the story ends, when it is not the scenario's setting: picks the scene drawing for the
   * ending (e.g. "stop" for a passenger left on the platform).
   */
  setting?: Setting;
}

/** The weights of the three dimensions in the overall score. */
export interface Scoring {
  /**
   * Weights of warmth, initiative and outcome in the overall score; 1 each when left out.
   * @minimum 0
   * @maximum 10
   * @property warmth The weight of warmth in the overall score (0 to 10, default 1).
   * @property initiative The weight of initiative in the overall score (0 to 10, default 1).
   * @property outcome The weight of outcome in the overall score (0 to 10, default 1).
   */
  weights?: Partial<Record<Dimension, number>>;
}

/** Who the customer is. */
export interface Customer {
  /**
   * The customer's name, e.g. "Sanne".
   * @minLength 1
   */
  name: string;
  /** A sentence about them (age, situation, personality). */
  description?: Text;
  /**
   * The customer's mood at the start (-5 to 5, default 0).
   * @integer
   * @minimum -5
   * @maximum 5
   */
  initialMood?: number;
  /** Appearance hints for the drawing. */
  look?: {
    /**
     * Skin tone, 1 (light) to 6 (dark).
     * @integer
     * @minimum 1
     * @maximum 6
     */
    skin?: number;
    /**
     * Hair colour as #rrggbb.
     * @pattern ^#[0-9a-fA-F]{6}$
     */
    hair?: string;
    /**
     * Clothing colour as #rrggbb.
     * @pattern ^#[0-9a-fA-F]{6}$
     */
    clothes?: string;
    /** Hair style. */
    hairStyle?: 'short' | 'long' | 'bun' | 'bald' | 'curly';
    /** Age group. */
    age?: 'child' | 'young' | 'adult' | 'senior';
    /** Sits in a wheelchair (drawn seated, e.g. at the tram stop's ramp). Default false. */
    wheelchair?: boolean;
  };
}

/** A scenario: a branching conversation between an employee (the player) and a customer. */
export interface Scenario {
  /** The URL of the JSON Schema, for editors; ignored by the game. */
  $schema?: string;
  /**
   * The scenario format version this file is written in. Write 1.
   * @integer
   */
  formatVersion: number;
  /**
   * A unique id of lowercase letters, digits and hyphens, e.g. "toy-shop-saturday".
   * @pattern ^[a-z0-9]+(-[a-z0-9]+)*$
   */
  id: string;
  /** The title on the scenario card. */
  title: Text;
  /** One or two sentences on the scenario card. */
  description: Text;
  /** Where it takes place: shop, station, terrace, tram, clothing, stop, phone or other. */
  setting: Setting;
  /** Background sound: shop, station, terrace, tram, clothing, stop, phone or none. Defaults to the setting's. */
  ambience?: Ambience;
  /** The job it is for: shop-floor, counter, hospitality, transport or phone; the scenario list groups by it. */
  role?: Role;
  /**
   * The behaviours it trains, each a few words (e.g. "Listening before answering"), shown on the
   * scenario card so a trainer can build a session.
   * @maxItems 8
   */
  trains?: Text[];
  /** Who the player is, e.g. "You work at the till of a toy shop." */
  player: Text;
  /** Who the customer is. */
  customer: Customer;
  /**
   * The languages every text in this file provides, e.g. ["nl", "en"].
   * @minItems 1
   * @uniqueItems
   */
  languages: Lang[];
  /** Shown before the first decision: sets the scene. */
  intro?: Text;
  /**
   * Estimated playing time in minutes.
   * @minimum 1
   * @maximum 120
   */
  estimatedMinutes?: number;
  /**
   * Free labels for filtering, e.g. ["retail", "busy"].
   * @maxItems 20
   * @uniqueItems
   */
  tags?: string[];
  /** The id of the first decision node. */
  start: string;
  /**
   * The decision nodes, by id (letters, digits, hyphens and underscores).
   * @pattern ^[A-Za-z0-9_-]+$
   * @minItems 1
   * @maxItems 2000
   */
  nodes: Record<string, DecisionNode>;
  /**
   * The endings, by id; they share the id space with the nodes.
   * @pattern ^[A-Za-z0-9_-]+$
   * @minItems 1
   * @maxItems 2000
   */
  endings: Record<string, Ending>;
  /** How the overall score is computed. */
  scoring?: Scoring;
}

// ---------------------------------------------------------------------------------------------
// Runs

/** The run (event log) format version. */
export const RUN_FORMAT_VERSION = 1;

/** The player's timer setting: 1 normal, 1.5 slower, 10 ten times slower, 0 off. */
export type TimerScale = 0 | 1 | 1.5 | 10;
export const TIMER_SCALES: readonly TimerScale[] = [1, 1.5, 10, 0];

/** Coaching shows feedback after each choice; assessment only at the end (and is what teams compare). */
export type Mode = 'coaching' | 'assessment';

/** One thing that happened in a run. `at` is milliseconds since the Unix epoch. */
export type RunEvent =
  /** `shown`: the option ids in the order the player saw them (absent in older runs: see Run.seed). */
  | { type: 'choice.select'; node: string; option: string; at: number; shown?: string[] }
  | { type: 'timer.expire'; node: string; at: number; shown?: string[] }
  | { type: 'timer.scale'; scale: TimerScale; at: number }
  /**
   * The player saw the timed situation; its countdown starts now — coaching mode logs it when the
   * feedback is dismissed. The deadline of this node visit becomes `at + seconds × 1000 × scale`.
   */
  | { type: 'timer.start'; node: string; at: number };

/** A run: everything needed to replay and score one play-through. */
export interface Run {
  /** Run format version. */
  formatVersion: number;
  /** A unique id (random), used to merge imports without duplicates. */
  id: string;
  /** The scenario id. */
  scenarioId: string;
  /** The content hash of the exact scenario version played (see contentHash). */
  scenarioHash: string;
  /** The player profile id, or null for a guest. */
  playerId: string | null;
  /** Coaching or assessment. */
  mode: Mode;
  /** The timer scale at the start. */
  timerScale: TimerScale;
  /** When the run started (ms since epoch). */
  startedAt: number;
  /**
   * The seed of the order the options are shown in (orderOptions in option-order.ts): each step's
   * order is a function of it, so a reload, a replay and the report show what the player saw.
   * Absent in runs from before options were shuffled, which showed them in the file's order.
   */
  seed?: string;
  /** A node to start from instead of the scenario's start ("play from here" test runs); such runs are never compared. */
  startNode?: string;
  /** What happened, in order. */
  events: RunEvent[];
  /** When the run reached an ending (ms since epoch), or undefined while playing. */
  finishedAt?: number;
  /** The player's answer to the report's reflection question. */
  reflection?: string;
  /**
   * The signature of the device that made the run, as it came with an import (a results file or a
   * hand-in link); absent on runs made on this device, which are signed when they leave it.
   */
  signature?: RunSignature;
  /** Imported without a signature: kept and shown, but never compared with other players' runs. */
  unverified?: true;
}

/** An ECDSA P-256 signature over a run's canonical form (see persistence/run-signature.ts). */
export interface RunSignature {
  /** The signing device's public key: the raw (uncompressed) point, base64url. */
  key: string;
  /** The signature (IEEE P1363, r‖s), base64url. */
  sig: string;
}
