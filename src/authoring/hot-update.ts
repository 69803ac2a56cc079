/**
 * The message the dev server's scenarios plugin (scripts/vite-plugin-scenarios.ts) sends to the
 * page when a scenario file changes: the plugin imports these types from here, so src/ never
 * imports from scripts/.
 */

/** One validation problem as the page shows it (see hot-reload.ts). */
export interface HotProblem {
  severity: 'error' | 'warning';
  code: string;
  /** The English sentence. */
  message: string;
  /** The sentence in Dutch (the panel shows the UI's language). */
  messageNl?: string;
  line: number;
  column: number;
}

/** The payload of `frontlijn:scenario-update`. */
export interface ScenarioUpdate {
  /** The file name inside scenarios/, e.g. "toy-shop-saturday.json". */
  file: string;
  text: string;
  /** The scenario id (from the file, else the file name without .json). */
  id: string;
  /** False when the file has errors: the game keeps the last good version. */
  ok: boolean;
  problems: HotProblem[];
}
