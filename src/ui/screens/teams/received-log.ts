/**
 * The results screen's "Received" log, kept in localStorage beside the open room (ui/state/room-session.ts)
 * so a reload, or the next hand-in link opened in a new tab, still shows what came in before.
 * An entry keeps what happened (message keys and their facts: a player's name, a scenario's id,
 * counts), not a sentence: it is worded when shown, in the language shown then (receivedText).
 * Entries stored by older builds are finished sentences (`text`) and are shown as they are.
 * Newest first, at most 50. Read as untrusted: what is not an entry is dropped, and of an entry
 * only the broken part (a message, a fact); anything that is not a list reads as an empty log.
 *
 * Two tabs that import at once each write the whole log, and the later write would drop what
 * the other just logged: each entry carries an id and a time, and a tab puts back what it logged
 * that the stored log lacks (mergeReceived, on the other tab's write), so both end with both.
 */
import type { Lang, Text } from '../../../engine/types';
import { t as textOf } from '../../../engine/text';
import type { Params } from '../../../i18n';
import { isolate } from '../../../i18n/untrusted';
import { isGuestNumber } from '../../../persistence/guest-numbers';

/** A fact put into a message: as it is, or words looked up when the entry is shown. */
export type LogArg =
  | string
  | number
  /** A UI message of its own, e.g. 'app.guest' for a guest's name, or 'app.guest_n' with their number `n`. */
  | { ui: string; n?: number }
  /** A scenario, by id: its title in the language shown (its id where it is not known here). */
  | { scenario: string }
  /** Words in each language (a scenario version's title), else `or`. */
  | { text: Text; or: string }
  /** Messages of their own (runs named one by one), worded and listed ("A, B and C"); not nested. */
  | { list: LogMessage[] };

/** One message of an entry: a UI message key (teams.import.run_added) and its facts. */
export interface LogMessage {
  key: string;
  args?: Record<string, LogArg>;
}

export type ReceivedEntry =
  /**
   * What happened: its messages, worded and joined when shown; `file`, the results file it is
   * about; `id` and `at` (ms), given when it is logged, to merge the logs of two tabs; `partial`,
   * not ok but not a failure either (a file taken but for what its own entries refuse).
   */
  | { ok: boolean; said: LogMessage[]; file?: string; id?: string; at?: number; partial?: true }
  /** An older build's entry: the sentence as it was shown then. */
  | { ok: boolean; text: string };

export const RECEIVED_KEY = 'frontlijn-received';
const MAX = 50;
/** A UI message key: a name only, so a stored key can only ever pick one of the UI's own messages. */
const KEY = /^(?:teams|app)(?:\.[a-z0-9_]+)+$/;
const ID = /^[a-z0-9]{1,40}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function restoreText(v: unknown): Text | null {
  if (typeof v === 'string') return v;
  if (!isRecord(v)) return null;
  const out: Partial<Record<Lang, string>> = {};
  if (typeof v.nl === 'string') out.nl = v.nl;
  if (typeof v.en === 'string') out.en = v.en;
  return out;
}

/** `inList`: the fact is in a message of a list, where no list may be (one level, however it was stored). */
function restoreArg(v: unknown, inList: boolean): LogArg | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (!isRecord(v)) return null;
  if (typeof v.ui === 'string') return !KEY.test(v.ui) ? null : isGuestNumber(v.n) ? { ui: v.ui, n: v.n } : { ui: v.ui };
  if (typeof v.scenario === 'string') return { scenario: v.scenario };
  if (Array.isArray(v.list)) return inList ? null : { list: v.list.map((m) => restoreMessage(m, true)).filter((m): m is LogMessage => m !== null) };
  const text = restoreText(v.text);
  return text !== null && typeof v.or === 'string' ? { text, or: v.or } : null;
}

function restoreMessage(v: unknown, inList = false): LogMessage | null {
  if (!isRecord(v) || typeof v.key !== 'string' || !KEY.test(v.key)) return null;
  if (!isRecord(v.args)) return { key: v.key };
  // A broken fact is left out: the sentence then shows its placeholder, not something made up.
  const args = Object.entries(v.args).flatMap(([k, a]) => {
    const arg = restoreArg(a, inList);
    return arg === null ? [] : [[k, arg] as const];
  });
  return { key: v.key, args: Object.fromEntries(args) };
}

function restoreEntry(v: unknown): ReceivedEntry | null {
  if (!isRecord(v) || typeof v.ok !== 'boolean') return null;
  if (Array.isArray(v.said)) {
    const said = v.said.map((m) => restoreMessage(m)).filter((m): m is LogMessage => m !== null);
    if (said.length === 0) return null;
    return {
      ok: v.ok,
      said,
      ...(typeof v.file === 'string' ? { file: v.file } : {}),
      ...(v.partial === true ? { partial: true as const } : {}),
      ...(typeof v.id === 'string' && ID.test(v.id) ? { id: v.id } : {}),
      ...(typeof v.at === 'number' && Number.isFinite(v.at) ? { at: v.at } : {}),
    };
  }
  return typeof v.text === 'string' ? { ok: v.ok, text: v.text } : null;
}

/** The log as stored, newest first; null when storage cannot be read. */
function read(): ReceivedEntry[] | null {
  try {
    const raw = localStorage.getItem(RECEIVED_KEY);
    const v: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(v) ? v.map(restoreEntry).filter((e): e is ReceivedEntry => e !== null).slice(0, MAX) : [];
  } catch {
    return null;
  }
}

/** The log as stored, newest first ([] when there is none, or storage refused). */
export function loadReceived(): ReceivedEntry[] {
  return read() ?? [];
}

function write(log: ReceivedEntry[]): void {
  try {
    localStorage.setItem(RECEIVED_KEY, JSON.stringify(log));
  } catch {
    /* storage refused: the log lives as long as this page */
  }
}

const idOf = (e: ReceivedEntry) => ('id' in e ? e.id : undefined);
const timeOf = (e: ReceivedEntry) => ('at' in e ? (e.at ?? 0) : 0);
/**
 * Newest first, then by id: one order whichever tab merges, so two tabs agree on the 50 they keep
 * (an older build's entries, with neither, last, in their order).
 */
const newestFirst = (a: ReceivedEntry, b: ReceivedEntry) => timeOf(b) - timeOf(a) || (idOf(a) ?? '').localeCompare(idOf(b) ?? '');
/** This tab's entries are logged at distinct times, so they keep the order they were logged in. */
let lastAt = 0;

/** The stored log with the entries of `mine` it lacks (by id), each by its time; whether any came in. */
function merged(stored: ReceivedEntry[], mine: readonly ReceivedEntry[]): { log: ReceivedEntry[]; grew: boolean } {
  const ids = new Set(stored.map(idOf));
  const missing = mine.filter((e) => idOf(e) !== undefined && !ids.has(idOf(e)));
  const log = [...missing, ...stored].sort(newestFirst).slice(0, MAX);
  return { log, grew: log.some((e) => missing.includes(e)) };
}

/**
 * Adds an entry on top of what is stored now (another tab may have added some), keeping what
 * this page logged (`shown`) that a write of another tab dropped, and returns the new log; when
 * storage refuses, on top of `shown`, for this page only.
 */
export function addReceived(entry: ReceivedEntry, shown: readonly ReceivedEntry[]): ReceivedEntry[] {
  lastAt = Math.max(Date.now(), lastAt + 1);
  const logged = { ...entry, id: Math.random().toString(36).slice(2, 12) + lastAt.toString(36), at: lastAt };
  const stored = read();
  if (stored === null) return [logged, ...shown].slice(0, MAX);
  const { log } = merged(stored, [logged, ...shown]);
  write(log);
  return log;
}

/**
 * The log after another tab wrote it: what is stored, with what this page logged (`shown`) that
 * that write dropped, stored again when there was any.
 */
export function mergeReceived(shown: readonly ReceivedEntry[]): ReceivedEntry[] {
  const stored = read();
  if (stored === null) return [...shown];
  const { log, grew } = merged(stored, shown);
  if (grew) write(log);
  return log;
}

/** What an entry says, the same in every language: to tell whether something was logged before. */
export function receivedId(e: ReceivedEntry): string {
  return 'text' in e ? e.text : JSON.stringify([e.file ?? '', e.said]);
}

/** The lookups an entry is worded with: the UI's messages, scenario titles and language now. */
export interface Wording {
  t: (key: string, params?: Params) => string;
  scenarioTitle: (id: string) => string;
  lang: Lang;
}

function word(a: LogArg, w: Wording): string | number {
  if (typeof a !== 'object') return a;
  if ('ui' in a) return a.n === undefined ? w.t(a.ui) : w.t(a.ui, { n: a.n });
  if ('scenario' in a) return w.scenarioTitle(a.scenario);
  if ('list' in a) return new Intl.ListFormat(w.lang, { type: 'conjunction' }).format(a.list.flatMap((m) => said(m, w)));
  return textOf(a.text, w.lang) || a.or;
}

/** A message worded in the language of `w`; none when its key is not known here (another build's). */
function said(m: LogMessage, w: Wording): string[] {
  const params = Object.fromEntries(Object.entries(m.args ?? {}).map(([k, a]) => [k, word(a, w)]));
  const s = w.t(m.key, params);
  return s === m.key ? [] : [s];
}

/**
 * The entry as a sentence in the language of `w` ('' when none of its messages is known here:
 * a key of another build). A results file's entry starts with the file's name.
 */
export function receivedText(e: ReceivedEntry, w: Wording): string {
  if ('text' in e) return e.text;
  const parts = e.said.flatMap((m) => said(m, w));
  if (parts.length === 0) return '';
  return e.file === undefined ? parts.join(' ') : `${isolate(e.file)}: ${parts.join(' ')}`;
}
