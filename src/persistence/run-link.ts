/**
 * A finished run as a short link, for handing it in without files or a server: the run (and who
 * played it) in a compact array form, deflate-compressed (CompressionStream) and base64url-encoded,
 * e.g. `#/import-run/<data>`. It fits in a QR code. Decoding is strict: anything off is refused.
 */
import type { Run, RunEvent, TimerScale } from '../engine/types';
import type { Profile, Team } from './api';
import { isRecord, restoreProfile, restoreRun, restoreTeam, Repairs } from './restore';

export const RUN_LINK_VERSION = 1;
/** Longer data is refused before it is inflated (a run is a short log: ~300–600 characters). */
export const MAX_LINK_DATA = 6000;
/** Inflated payloads larger than this are refused (a zip bomb in a link). */
const MAX_INFLATED = 64 * 1024;

export interface HandedInRun {
  run: Run;
  player: Profile | null;
  team: Team | null;
}

type CompactEvent = [0, string, string, number] | [1, string, number] | [2, TimerScale, number] | [3, string, number];

function compactEvent(e: RunEvent, t0: number): CompactEvent {
  if (e.type === 'choice.select') return [0, e.node, e.option, e.at - t0];
  if (e.type === 'timer.expire') return [1, e.node, e.at - t0];
  if (e.type === 'timer.start') return [3, e.node, e.at - t0];
  return [2, e.scale, e.at - t0];
}

function expandEvent(c: unknown, t0: number): unknown {
  if (!Array.isArray(c)) return null;
  if (c[0] === 0) return { type: 'choice.select', node: c[1], option: c[2], at: t0 + Number(c[3]) };
  if (c[0] === 1) return { type: 'timer.expire', node: c[1], at: t0 + Number(c[2]) };
  if (c[0] === 2) return { type: 'timer.scale', scale: c[1], at: t0 + Number(c[2]) };
  if (c[0] === 3) return { type: 'timer.start', node: c[1], at: t0 + Number(c[2]) };
  return null;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) throw new Error('not base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

/** The link data for a run (base64url of deflate-raw of the compact JSON). */
export async function encodeRunLink(h: HandedInRun): Promise<string> {
  const r = h.run;
  const payload = [
    RUN_LINK_VERSION,
    [r.id, r.scenarioId, r.scenarioHash, r.mode === 'assessment' ? 1 : 0, r.timerScale, r.startedAt, r.finishedAt ?? 0, r.startNode ?? '', r.events.map((e) => compactEvent(e, r.startedAt)), r.seed ?? 0],
    h.player ? [h.player.id, h.player.name, h.player.createdAt] : 0,
    h.team ? [h.team.id, h.team.name, h.team.createdAt] : 0,
  ];
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/** A link made by a newer version of Frontlijn (its format version is `version`). */
export class NewerLinkError extends Error {
  constructor(readonly version: number) {
    super('newer');
    this.name = 'NewerLinkError';
  }
}

/** Reads link data back; throws an Error with a short reason when it is not a valid run. */
export async function decodeRunLink(data: string): Promise<HandedInRun> {
  if (data.length === 0 || data.length > MAX_LINK_DATA) throw new Error('size');
  const inflated = await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw'), MAX_INFLATED);
  const payload: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  if (!Array.isArray(payload) || payload[0] !== RUN_LINK_VERSION || !Array.isArray(payload[1])) {
    const newer = Array.isArray(payload) && typeof payload[0] === 'number' && payload[0] > RUN_LINK_VERSION;
    throw newer ? new NewerLinkError(payload[0] as number) : new Error('format');
  }
  // The order each decision was shown in is not in the link: it follows from the run's seed.
  const [id, scenarioId, scenarioHash, mode, timerScale, startedAt, finishedAt, startNode, events, seed] = payload[1] as unknown[];
  const t0 = Number(startedAt);
  const runValue: Record<string, unknown> = {
    formatVersion: 1,
    id,
    scenarioId,
    scenarioHash,
    mode: mode === 1 ? 'assessment' : 'coaching',
    timerScale,
    startedAt,
    events: Array.isArray(events) ? events.map((e) => expandEvent(e, t0)) : null,
  };
  if (finishedAt) runValue.finishedAt = finishedAt;
  if (startNode) runValue.startNode = startNode;
  if (seed) runValue.seed = seed;
  const teamArr = payload[3];
  const team = Array.isArray(teamArr) ? restoreTeam({ id: teamArr[0], name: teamArr[1], createdAt: teamArr[2] }) : null;
  const playerArr = payload[2];
  const player = Array.isArray(playerArr)
    ? restoreProfile({ id: playerArr[0], name: playerArr[1], createdAt: playerArr[2], teamId: team?.id ?? null })
    : null;
  runValue.playerId = player?.id ?? null;
  const run = restoreRun(runValue, new Repairs(), { strict: true });
  if (!run || !isRecord(run) || !Array.isArray(events) || run.events.length !== events.length) throw new Error('run');
  return { run, player, team };
}

/** The data part of an import link or a scanned QR code text (a full URL or just the data). */
export function linkData(text: string): string | null {
  const m = /#\/import-run\/([A-Za-z0-9_-]+)/.exec(text);
  if (m) return m[1];
  return /^[A-Za-z0-9_-]{16,}$/.test(text.trim()) ? text.trim() : null;
}
