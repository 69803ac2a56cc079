/**
 * Content hashes of scenarios: a run records the hash of the exact version played, so a report
 * can tell when a scenario changed since, and a device can tell a version it trusts from one it
 * does not. Synchronous and pure (SHA-256 from @noble/hashes, no Web Crypto, which is async), so
 * it runs the same in the browser, in tests and in the CLI.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Scenario } from './types';

/**
 * The canonical JSON of a value: object keys sorted (by UTF-16 code units), no whitespace,
 * `undefined` and function members left out and in arrays written as null (as JSON.stringify
 * does). Two scenarios with the same content give the same text whatever the key order or
 * formatting of their files.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : 'null';
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => (item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item !== undefined && typeof item !== 'function') members.push(`${canonicalJson(key)}:${canonicalJson(item)}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * The content hash of a scenario: the first 16 hex characters of the SHA-256 of its canonical
 * JSON. Formatting and key order do not change it; any change of content does.
 */
export function contentHash(scenario: Scenario): string {
  return bytesToHex(sha256(new TextEncoder().encode(canonicalJson(scenario)))).slice(0, 16);
}
