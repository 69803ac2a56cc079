/**
 * A room's link, and its short form for typing from a projector.
 *
 * The QR code carries the full link: `mode`, `team` (the team's id), `teamName`, `room=1` (and the
 * LRS the phones send to, when asked). Written out that is ~130 characters: nobody types it. The
 * short form carries the same room in what a person can type:
 *
 *   `t=<team>`   the team's id; a UUID (every team made in the app) as 26 characters of Crockford's
 *                base32 (digits and lower-case letters without i, l, o, u), in groups split by
 *                dashes, read back to the very same UUID, so that hand-in links, results files and
 *                the leaderboard match the trainer's team as before
 *   `m=c`        a practice (coaching) room; left out for an assessment room, the default
 *   `m=a`        an assessment room without a team (a room link needs at least one of t and m)
 *
 * The team's name is left out: the trainer's device knows it (a team it has keeps its name when
 * runs come in), and a phone that does not is told it joins the room's team.
 * `expandRoomParams` turns a short form into the full one as the router reads an address, so the
 * rest of the app (and every link printed before) reads only the full form.
 */
import type { Mode } from '../engine/types';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A team id written as it is in the short form: one that could be mistaken for a code is not. */
const PLAIN_ID = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const CODE_LENGTH = 26;

/** A UUID's 128 bits as 26 base32 characters, grouped 5-5-5-5-6 by dashes. */
export function teamCode(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  let bits = '';
  for (const h of hex) bits += parseInt(h, 16).toString(2).padStart(4, '0');
  bits = bits.padEnd(CODE_LENGTH * 5, '0');
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[parseInt(bits.slice(i * 5, i * 5 + 5), 2)];
  return [0, 5, 10, 15, 20].map((at) => code.slice(at, at === 20 ? undefined : at + 5)).join('-');
}

/**
 * The UUID a typed team code stands for, or null when it is none. Case, dashes and spaces do not
 * matter, and the letters a person may read for a digit (i, l: 1; o: 0) read as that digit.
 */
export function uuidOfCode(code: string): string | null {
  const clean = code
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
  if (clean.length !== CODE_LENGTH) return null;
  let bits = '';
  for (const c of clean) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return null;
    bits += v.toString(2).padStart(5, '0');
  }
  if (/1/.test(bits.slice(128))) return null;
  let hex = '';
  for (let i = 0; i < 128; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface RoomLinkParts {
  /** Where the app is served: `location.origin` and `location.pathname`. */
  origin: string;
  pathname: string;
  scenarioId: string;
  /** A built-in scenario: its own page (/play/<id>/) preloads it, where the app is served from `/`. */
  builtin: boolean;
  mode: Mode;
  team: { id: string; name: string } | null;
  /** More of the query for the QR code's link only (the LRS the phones send to). */
  extra?: string[];
}

function address(p: RoomLinkParts, query: string[]): string {
  const id = encodeURIComponent(p.scenarioId);
  // Built-ins have their own page that preloads the scenario with the app: one wave of downloads
  // on a phone. It exists where the build is served from the site's root.
  if (p.pathname === '/' && p.builtin) return `${p.origin}/play/${id}/?${query.join('&')}`;
  return `${p.origin}${p.pathname}#/play/${id}?${query.join('&')}`;
}

/** The room's full link, for its QR code (and for "Copy link"). */
export function roomLink(p: RoomLinkParts): string {
  const q = [`mode=${p.mode}`];
  if (p.team) q.push(`team=${encodeURIComponent(p.team.id)}`, `teamName=${encodeURIComponent(p.team.name)}`);
  q.push('room=1', ...(p.extra ?? []));
  return address(p, q);
}

/** The team's id as the short form writes it, or null when it has none (the id is not typeable). */
function shortTeam(id: string): string | null {
  if (UUID.test(id)) return teamCode(id);
  return PLAIN_ID.test(id) && uuidOfCode(id) === null ? id : null;
}

/** The room's link as people type it: short, without "https://". */
export function typedRoomLink(p: RoomLinkParts): string {
  const team = p.team ? shortTeam(p.team.id) : null;
  let full: string;
  if (p.team && team === null) full = roomLink({ ...p, extra: [] });
  else {
    const q = team ? [`t=${team}`] : [];
    if (p.mode === 'coaching') q.push('m=c');
    else if (!team) q.push('m=a');
    full = address(p, q);
  }
  return full.replace(/^https?:\/\//, '');
}

/**
 * The full form of a short room link's query (`t`, `m`), as `roomLink` writes it: `team`, `mode`,
 * `room`. Anything else, and an address in the full form already, is left as it is.
 */
export function expandRoomParams(params: Record<string, string>): Record<string, string> {
  if (params.t === undefined && params.m === undefined) return params;
  if (params.team !== undefined || params.mode !== undefined) return params;
  const { t, m, ...rest } = params;
  const out: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, rest);
  out.mode = m === 'c' ? 'coaching' : 'assessment';
  if (t) out.team = uuidOfCode(t) ?? t;
  out.room = '1';
  return out;
}
