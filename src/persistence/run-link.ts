/**
 * A finished run as a short link, for handing it in without files or a server: the run (and who
 * played it) in a compact array form, deflate-compressed (CompressionStream) and base64url-encoded,
 * e.g. `#/import-run/<data>`. Decoding is strict: anything off is refused.
 *
 * Version 2 (written when the scenario is at hand) names each decision and option by its place in
 * the scenario instead of its id, times each event from the one before, writes ids that are UUIDs
 * as 22 characters, a seed equal to the run's id as `1`, and leaves out when the player and team
 * were created: a typical run shrinks from ~500 to ~250 characters. Its QR code carries the same
 * bytes in base45 (`FL:` + RFC 9285, QR's alphanumeric mode, 5.5 bits a character instead of 8)
 * without the address around them: the laptop's own scanner reads it. Version 1 links still decode.
 *
 * Version 3 is version 2 with the run's signature (run-signature.ts) at the end: the device's
 * public key and the signature, 173 characters of base64url that deflate cannot shrink, so a
 * built-in scenario's link grows from ~215 to ~410 characters (its QR code from version 8 to 11
 * or 12 at level L: 49 to 61–65 modules a side).
 * Versions 1 and 2 carry none: their runs import as unverified.
 */
import type { Run, RunEvent, Scenario, TimerScale } from '../engine/types';
import type { Profile, Team } from './api';
import { fromBase64Url, toBase64Url } from './base64url';
import { isGuestNumber } from './guest-numbers';
import { isRecord, restoreProfile, restoreRun, restoreSignature, restoreTeam, Repairs } from './restore';

export const RUN_LINK_VERSION = 3;
/** What a scanned hand-in QR code starts with (alphanumeric mode: upper case). */
export const QR_PREFIX = 'FL:';
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

/**
 * The link data for a run (base64url of deflate-raw of the compact JSON): version 2 with the
 * scenario, version 3 when the run also carries its signature (see outgoing in run-signature.ts).
 */
export async function encodeRunLink(h: HandedInRun, scenario?: Scenario): Promise<string> {
  return toBase64Url(await deflated(h, scenario));
}

/** The text of a hand-in QR code: `FL:` and the link's bytes in base45 (QR alphanumeric mode). */
export async function encodeRunQr(h: HandedInRun, scenario?: Scenario): Promise<string> {
  return QR_PREFIX + toBase45(await deflated(h, scenario));
}

async function deflated(h: HandedInRun, scenario?: Scenario): Promise<Uint8Array> {
  const payload = scenario ? payloadV2(h, scenario) : payloadV1(h);
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return pipe(bytes, new CompressionStream('deflate-raw'));
}

function payloadV1(h: HandedInRun): unknown[] {
  const r = h.run;
  return [
    1,
    [r.id, r.scenarioId, r.scenarioHash, r.mode === 'assessment' ? 1 : 0, r.timerScale, r.startedAt, r.finishedAt ?? 0, r.startNode ?? '', r.events.map((e) => compactEvent(e, r.startedAt)), r.seed ?? 0],
    h.player ? [h.player.id, h.player.name, h.player.createdAt, ...guestMark(h.player)] : 0,
    h.team ? [h.team.id, h.team.name, h.team.createdAt] : 0,
  ];
}

/**
 * A guest is marked by their number on the device that made the link, after the player's creation
 * time (null in version 2, which leaves that time out; a reader without the mark reads the run's
 * start there, as for any player). The laptop keeps that number when it is free there
 * (guest-numbers.ts). A guest from before numbers is marked 0. Named players' links are unchanged.
 */
function guestMark(p: Profile): [number] | [] {
  return p.guest ? [p.guestNumber ?? 0] : [];
}

/** The guest a player's array marks (see guestMark): their number, if it is one. */
function guestOf(mark: unknown): Partial<Profile> {
  if (mark === 0) return { guest: true };
  return isGuestNumber(mark) ? { guest: true, guestNumber: mark } : {};
}

/** A link made by a newer version of Frontlijn (its format version is `version`); its message is 'newer'. */
export class NewerLinkError extends Error {
  constructor(readonly version: number) {
    super('newer');
    this.name = 'NewerLinkError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A UUID as '~' and 22 base64url characters; other ids as they are ('~' doubled in front). */
function shortId(id: string): string {
  if (UUID.test(id)) {
    const hex = id.replace(/-/g, '');
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return '~' + toBase64Url(bytes);
  }
  return id.startsWith('~') ? '~' + id : id;
}

function longId(v: unknown): unknown {
  if (typeof v !== 'string' || !v.startsWith('~')) return v;
  if (v.startsWith('~~')) return v.slice(1);
  if (v.length !== 23) throw new Error('format');
  const hex = [...fromBase64Url(v.slice(1))].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (hex.length !== 32) throw new Error('format');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Events as one flat list of numbers: kind, node (or scale), option (choices), ms since the last. */
function payloadV2(h: HandedInRun, scenario: Scenario): unknown[] {
  const r = h.run;
  const nodes = Object.keys(scenario.nodes);
  const flat: number[] = [];
  let last = r.startedAt;
  for (const e of r.events) {
    if (e.type === 'timer.scale') flat.push(2, e.scale);
    else {
      const n = nodes.indexOf(e.node);
      if (n < 0) throw new Error('node not in scenario');
      if (e.type === 'choice.select') {
        const o = scenario.nodes[e.node].options.findIndex((x) => x.id === e.option);
        if (o < 0) throw new Error('option not in scenario');
        flat.push(0, n, o);
      } else flat.push(e.type === 'timer.expire' ? 1 : 3, n);
    }
    flat.push(e.at - last);
    last = e.at;
  }
  const seed = r.seed === undefined ? 0 : r.seed === r.id ? 1 : shortId(r.seed);
  const signed = r.signature ? [[r.signature.key, r.signature.sig]] : [];
  return [
    r.signature ? 3 : 2,
    [shortId(r.id), r.scenarioId, r.scenarioHash, r.mode === 'assessment' ? 1 : 0, r.timerScale, r.startedAt, r.finishedAt === undefined ? -1 : r.finishedAt - last, r.startNode ?? '', flat, seed],
    h.player ? [shortId(h.player.id), h.player.name, ...(h.player.guest ? [null, ...guestMark(h.player)] : [])] : 0,
    h.team ? [shortId(h.team.id), h.team.name] : 0,
    ...signed,
  ];
}

function expandV2(fields: unknown[], scenario: Scenario): Record<string, unknown> {
  const [id, , , , , startedAt, finishedAfter, , flat, seed] = fields;
  if (!Array.isArray(flat) || !flat.every((x) => typeof x === 'number')) throw new Error('format');
  const nodes = Object.keys(scenario.nodes);
  const events: unknown[] = [];
  let at = Number(startedAt);
  let i = 0;
  const take = (): number => {
    if (i >= flat.length) throw new Error('format');
    return flat[i++] as number;
  };
  while (i < flat.length) {
    const kind = take();
    let event: Record<string, unknown>;
    if (kind === 2) event = { type: 'timer.scale', scale: take() };
    else {
      const node = nodes[take()];
      if (node === undefined) throw new Error('format');
      if (kind === 0) {
        const option = scenario.nodes[node].options[take()];
        if (!option) throw new Error('format');
        event = { type: 'choice.select', node, option: option.id };
      } else if (kind === 1 || kind === 3) event = { type: kind === 1 ? 'timer.expire' : 'timer.start', node };
      else throw new Error('format');
    }
    at += take();
    event.at = at;
    events.push(event);
  }
  const runId = longId(id);
  return {
    id: runId,
    events,
    finishedAt: Number(finishedAfter) >= 0 ? at + Number(finishedAfter) : undefined,
    seed: seed === 1 ? runId : seed === 0 ? undefined : longId(seed),
  };
}

/** Finds a scenario version a version 2 link refers to (by hash; undefined: not known here). */
export type ScenarioLookup = (hash: string, scenarioId: string) => Promise<Scenario | undefined>;

/**
 * Reads link data back; throws an Error with a short reason when it is not a valid run: 'size',
 * 'cut' (the data ends early: a link cut off in a message), 'newer', 'format', 'scenario' (a
 * version 2 link for a scenario not known here), 'run'.
 */
export async function decodeRunLink(data: string, lookup?: ScenarioLookup): Promise<HandedInRun> {
  if (data.length === 0 || data.length > MAX_LINK_DATA) throw new Error('size');
  return decodeBytes(fromBase64Url(data), lookup);
}

async function decodeBytes(bytes: Uint8Array, lookup?: ScenarioLookup): Promise<HandedInRun> {
  let inflated: Uint8Array;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_INFLATED);
  } catch (e) {
    throw new Error(e instanceof Error && e.message === 'too large' ? 'size' : 'cut');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    throw new Error('cut');
  }
  if (!Array.isArray(payload) || ![1, 2, 3].includes(payload[0]) || !Array.isArray(payload[1])) {
    if (Array.isArray(payload) && typeof payload[0] === 'number' && payload[0] > RUN_LINK_VERSION) throw new NewerLinkError(payload[0]);
    throw new Error('format');
  }
  // The order each decision was shown in is not in the link: it follows from the run's seed.
  const fields = payload[1] as unknown[];
  const [id, scenarioId, scenarioHash, mode, timerScale, startedAt, finishedAt, startNode, events, seed] = fields;
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
  if (seed) runValue.seed = seed;
  let expected = Array.isArray(events) ? events.length : -1;
  const compact = payload[0] >= 2;
  if (compact) {
    if (typeof scenarioHash !== 'string' || typeof scenarioId !== 'string') throw new Error('format');
    const scenario = lookup ? await lookup(scenarioHash, scenarioId) : undefined;
    if (!scenario) throw new Error('scenario');
    const v2 = expandV2(fields, scenario);
    Object.assign(runValue, v2);
    if (v2.finishedAt === undefined) delete runValue.finishedAt;
    if (v2.seed === undefined) delete runValue.seed;
    expected = (v2.events as unknown[]).length;
  }
  if (startNode) runValue.startNode = startNode;
  if (payload[0] === 3) {
    const [key, sig] = Array.isArray(payload[4]) ? payload[4] : [];
    const signature = restoreSignature({ key, sig });
    if (!signature) throw new Error('format');
    runValue.signature = signature;
  }
  const idOf = (v: unknown) => (compact ? longId(v) : v);
  const teamArr = payload[3];
  const team = Array.isArray(teamArr) ? restoreTeam({ id: idOf(teamArr[0]), name: teamArr[1], createdAt: teamArr[2] ?? t0 }) : null;
  const playerArr = payload[2];
  const player = Array.isArray(playerArr)
    ? restoreProfile({ id: idOf(playerArr[0]), name: playerArr[1], createdAt: playerArr[2] ?? t0, teamId: team?.id ?? null, ...guestOf(playerArr[3]) })
    : null;
  runValue.playerId = player?.id ?? null;
  const run = restoreRun(runValue, new Repairs(), { strict: true });
  if (!run || !isRecord(run) || !Array.isArray(run.events) || run.events.length !== expected) throw new Error('run');
  return { run, player, team };
}

/**
 * The data part of an import link or a scanned QR code text (a full URL, just the data, or a
 * hand-in QR code's `FL:` + base45), as base64url link data.
 */
export function linkData(text: string): string | null {
  const m = /#\/import-run\/([A-Za-z0-9_-]+)/.exec(text);
  if (m) return m[1];
  const trimmed = text.trim();
  if (trimmed.startsWith(QR_PREFIX)) {
    const bytes = fromBase45(trimmed.slice(QR_PREFIX.length));
    return bytes && bytes.length > 0 ? toBase64Url(bytes) : null;
  }
  return /^[A-Za-z0-9_-]{16,}$/.test(trimmed) ? trimmed : null;
}

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** RFC 9285: two bytes as three characters of QR's alphanumeric set (one byte as two). */
export function toBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) {
    if (i + 1 < bytes.length) {
      let n = bytes[i] * 256 + bytes[i + 1];
      for (let k = 0; k < 3; k++) {
        out += B45[n % 45];
        n = Math.floor(n / 45);
      }
    } else {
      const n = bytes[i];
      out += B45[n % 45] + B45[Math.floor(n / 45)];
    }
  }
  return out;
}

/** Base45 back to bytes; null when it is not valid base45. */
export function fromBase45(text: string): Uint8Array | null {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    const chunk = text.slice(i, i + 3);
    if (chunk.length === 1) return null;
    const d = [...chunk].map((c) => B45.indexOf(c));
    if (d.some((x) => x < 0)) return null;
    const n = d[0] + d[1] * 45 + (d.length === 3 ? d[2] * 2025 : 0);
    if (d.length === 3) {
      if (n > 0xffff) return null;
      out.push(n >> 8, n & 0xff);
    } else {
      if (n > 0xff) return null;
      out.push(n);
    }
  }
  return new Uint8Array(out);
}
