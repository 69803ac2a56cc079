/**
 * Runs the engine's validateScenario (the same function as the CLI) off the main thread, on the
 * file's bytes, so invalid UTF-8 is reported and a hostile file cannot freeze the page. For a file
 * with errors it also sends the map model of whatever could be parsed (the draft map).
 */
import { validateScenario } from '../engine/validate';
import { contentHash } from '../engine/hash';
import { buildGraph, type MapGraph } from './graph';
import type { ValidationResult } from '../engine/contract';
import type { Lang } from '../engine/types';
import { utf16Order } from '../engine/utf16';

export interface ValidateRequest {
  id: number;
  bytes: ArrayBuffer;
  /** The language of the problems' messages (the UI's). */
  lang: Lang;
  /** The authors' guide as the messages name it (ValidateOptions.guide). */
  guide: string;
}
export interface ValidateResponse {
  id: number;
  result: ValidationResult;
  /** The content hash of a valid scenario (the version is stored by it), worked out here too, off the page's thread. */
  hash?: string;
  /** The map of a file that parsed as JSON but has errors. */
  draft?: MapGraph;
}

/** Only files under the validator's size limit get a draft map. */
const DRAFT_MAX_BYTES = 5 * 1024 * 1024;

function draftOf(bytes: Uint8Array, result: ValidationResult): MapGraph | undefined {
  if (result.ok || bytes.byteLength > DRAFT_MAX_BYTES) return undefined;
  // Only files whose text decoded and parsed: any syntax/limit/encoding problem sits at the root.
  if (result.problems.some((p) => p.severity === 'error' && /syntax|utf|encoding|too-|limit|depth|size/.test(p.code))) return undefined;
  try {
    // Read as the validator reads it: a file saved as UTF-16 (Notepad's "Unicode") too.
    const text = new TextDecoder(utf16Order(bytes) ?? 'utf-8', { fatal: true }).decode(bytes);
    // JSON.parse defines "__proto__" as an own property; buildGraph reads own properties only.
    const parsed: unknown = JSON.parse(text);
    return buildGraph({ scenario: parsed, findings: result.problems });
  } catch {
    return undefined;
  }
}

/** Sent once when the worker's modules have loaded, so the page's time limit counts only validation. */
export interface ReadyMessage {
  ready: true;
}

self.onmessage = (e: MessageEvent<ValidateRequest>) => {
  const { id, bytes, lang, guide } = e.data;
  const view = new Uint8Array(bytes);
  const result = validateScenario(view, { lang, guide });
  const response: ValidateResponse = { id, result, hash: result.scenario && contentHash(result.scenario), draft: draftOf(view, result) };
  self.postMessage(response);
};

self.postMessage({ ready: true } satisfies ReadyMessage);
