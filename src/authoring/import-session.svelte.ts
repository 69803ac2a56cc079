/**
 * One import at a time: the file's bytes go to the validation worker; a valid scenario is stored
 * as a custom version (by content hash). The last report stays on screen until the next one
 * replaces it, so a manager can fix the file and re-import without losing the list. Kept in a
 * module-level instance so it survives a trip to the map and back.
 */
import type { Problem, ValidationResult } from '../engine/contract';
import type { Lang, Scenario } from '../engine/types';
import type { Store, StoredScenario } from '../persistence/api';
import type { MapGraph } from './graph';
import { decodeForView, type SourceText } from './source-text';
import { validateBytes } from './validate-client';

export type ImportStatus = 'idle' | 'checking' | 'done';

/** Why a file was not stored although it may have passed validation (checks of the app, not of the format). */
export type Refusal =
  | { kind: 'timeout'; ms: number }
  | { kind: 'stopped' }
  | { kind: 'crashed'; detail: string }
  | { kind: 'unavailable' }
  | { kind: 'built-in-id'; id: string }
  | { kind: 'wrong-id'; id: string; expected: string }
  | { kind: 'store-failed'; detail: string };

export interface ImportReport {
  fileName: string;
  source: SourceText;
  /** Milliseconds from reading the file to the verdict. */
  ms: number;
  result?: ValidationResult;
  draft?: MapGraph;
  refusal?: Refusal;
  /** Set when the scenario was stored. */
  stored?: { id: string; hash: string; replaced: boolean; unchanged: boolean };
  /** The id of the stored scenario this file was to replace ("Replace…"); it stays as it was unless `stored`. */
  replacing?: string;
  /** The language of the problems' messages. */
  lang: Lang;
  /** The text was pasted into the screen, not read from a file. */
  pasted?: true;
}

export interface ImportOptions {
  /** For "replace": the file must have this id. */
  expectId?: string;
  /** Ids of built-in scenarios, which custom ones may not take. */
  builtInIds: readonly string[];
  store: Pick<Store, 'saveScenario' | 'listScenarios'>;
  /** The language of the problems' messages (the UI's). */
  lang: Lang;
  /** The text was pasted into the screen, not read from a file. */
  pasted?: boolean;
}

/**
 * How the line about the file says what became of the check (the key under author.report): checked
 * in so many ms, or stopped (by the manager, or at the time limit), or not checked at all. A stopped
 * check was never "checked in N ms".
 */
export type CheckLine = 'file' | 'file_stopped' | 'file_timeout' | 'file_not_checked';

export function checkLine(report: Pick<ImportReport, 'refusal' | 'result'>): CheckLine {
  if (report.result) return 'file';
  switch (report.refusal?.kind) {
    case 'stopped':
      return 'file_stopped';
    case 'timeout':
      return 'file_timeout';
    default:
      return 'file_not_checked';
  }
}

export class ImportSession {
  status = $state<ImportStatus>('idle');
  /** The last complete report; replaced only when a new one is ready. */
  report = $state.raw<ImportReport | null>(null);
  /** Index into the report's problems of the one shown in the source view. */
  selected = $state(0);
  /** The name of the file being checked. */
  pending = $state('');
  /** The bytes of the last report's file, to word its problems again in another language. */
  #bytes: Uint8Array | null = null;
  /** The language the UI asked for last. */
  #wanted: Lang | null = null;
  /** Stops the check in progress. */
  #stop: AbortController | null = null;

  errors = $derived(this.report?.result?.problems.filter((p) => p.severity === 'error') ?? []);
  warnings = $derived(this.report?.result?.problems.filter((p) => p.severity === 'warning') ?? []);

  /** The problem shown in the source view. */
  get current(): Problem | undefined {
    return this.report?.result?.problems[this.selected];
  }

  async importBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions): Promise<ImportReport> {
    this.status = 'checking';
    this.pending = fileName;
    const t0 = performance.now();
    this.#stop = new AbortController();
    const outcome = await validateBytes(bytes, opts.lang, this.#stop.signal);
    this.#stop = null;
    const report: ImportReport = { fileName, source: decodeForView(bytes), ms: 0, lang: opts.lang, ...(opts.expectId ? { replacing: opts.expectId } : {}), ...(opts.pasted ? { pasted: true as const } : {}) };
    if (outcome.kind === 'timeout') report.refusal = { kind: 'timeout', ms: outcome.ms };
    else if (outcome.kind === 'stopped') report.refusal = { kind: 'stopped' };
    else if (outcome.kind === 'crashed') report.refusal = { kind: 'crashed', detail: outcome.detail };
    else if (outcome.kind === 'unavailable') report.refusal = { kind: 'unavailable' };
    else {
      report.result = outcome.result;
      report.draft = outcome.draft;
      if (outcome.result.scenario && outcome.hash) await this.#store(report, outcome.result.scenario, outcome.hash, opts);
    }
    report.ms = performance.now() - t0;
    this.#bytes = bytes;
    this.report = report;
    this.selected = 0;
    this.status = 'done';
    this.pending = '';
    // The language was switched while the file was being checked.
    const wanted = this.#wanted;
    if (wanted && wanted !== report.lang) void this.relocalise(wanted);
    return report;
  }

  async #store(report: ImportReport, scenario: Scenario, hash: string, opts: ImportOptions): Promise<void> {
    if (opts.builtInIds.includes(scenario.id)) {
      report.refusal = { kind: 'built-in-id', id: scenario.id };
      return;
    }
    if (opts.expectId && opts.expectId !== scenario.id) {
      report.refusal = { kind: 'wrong-id', id: scenario.id, expected: opts.expectId };
      return;
    }
    try {
      const existing = (await opts.store.listScenarios()).filter((s) => s.custom && s.id === scenario.id && !s.hidden);
      const unchanged = existing.some((s) => s.hash === hash);
      const version: StoredScenario = {
        hash,
        id: scenario.id,
        source: report.source.text,
        scenario,
        custom: true,
        storedAt: Date.now(),
      };
      await opts.store.saveScenario(version);
      report.stored = { id: scenario.id, hash, replaced: existing.length > 0 && !unchanged, unchanged };
    } catch (e) {
      report.refusal = { kind: 'store-failed', detail: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Stops checking the file being checked: it is refused, nothing is stored. */
  stop(): void {
    this.#stop?.abort();
  }

  select(index: number): void {
    this.selected = index;
  }

  /**
   * Words the last report's problems in `lang` (after the UI language was switched): the file is
   * validated again, and only the problems' sentences change; nothing is stored again. Does
   * nothing while a file is being checked (that report will be in the new language already).
   */
  async relocalise(lang: Lang): Promise<void> {
    this.#wanted = lang;
    const report = this.report;
    const bytes = this.#bytes;
    if (!report?.result || !bytes || report.lang === lang || this.status === 'checking') return;
    const outcome = await validateBytes(bytes, lang);
    // A newer report, or another switch, came first: keep that one.
    if (this.report !== report || outcome.kind !== 'done' || outcome.result.problems.length !== report.result.problems.length) return;
    this.report = { ...report, lang, result: { ...report.result, problems: outcome.result.problems }, draft: outcome.draft ?? report.draft };
    const wanted = this.#wanted;
    if (wanted !== lang) void this.relocalise(wanted);
  }
}

export const importSession = new ImportSession();
