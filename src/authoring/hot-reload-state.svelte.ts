/**
 * Dev server only: the validation problems of scenario files being edited, per file, for the
 * hot-reload panel. A file that becomes valid again leaves the list (and says so briefly).
 */
import type { HotProblem, ScenarioUpdate } from './hot-update';

export class HotReloadState {
  /** Problems per file name, only files that currently have any. */
  files = $state.raw<{ file: string; ok: boolean; problems: HotProblem[] }[]>([]);
  /** The last file reloaded without errors (shown for a moment). */
  reloaded = $state<string | null>(null);
  dismissed = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;

  update(u: ScenarioUpdate): void {
    const rest = this.files.filter((f) => f.file !== u.file);
    this.files = u.problems.length > 0 ? [...rest, { file: u.file, ok: u.ok, problems: u.problems }] : rest;
    this.dismissed = false;
    if (u.ok) {
      this.reloaded = u.file;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => (this.reloaded = null), 4000);
    }
  }

  dismiss(): void {
    this.dismissed = true;
  }
}
