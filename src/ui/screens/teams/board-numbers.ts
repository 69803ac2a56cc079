/**
 * The numbers a leaderboard calls its players by while names are off ("Player 3" on the
 * projector). A number is given once, the first time a player is on this device's board of a
 * scenario, and kept (localStorage): it stays with the same person while scores change and rows
 * move as runs come in during a session, and after a reload. Numbered by their place on the
 * board, "Player 1" passed to whoever overtook; numbered by when each played, a run played earlier
 * but handed in later would take a number that was someone else's (phones hand in in any order).
 * Players new to the board at the same time are numbered in the order they first finished a run
 * that counts there. A deleted player's number is not given to anyone else.
 */
import type { RunResult } from '../../../persistence/api';
import { comparable } from '../../../persistence/stats';

const KEY = 'frontlijn-board-numbers';

/** Per scenario, the players numbered so far, in the order they were numbered (number = place + 1). */
type Numbered = Record<string, string[]>;

/** Where storage is refused (a private window, full): the numbers last as long as the page. */
let memory: Numbered = {};
let stored = true;

/**
 * The players of `scenarioId`'s board in the order of their numbers: those `known` already first,
 * as they were, then `players` new to it, by the first run of theirs that counts on the board.
 */
export function numberPlayers(known: readonly string[], players: readonly string[], results: readonly RunResult[], scenarioId: string): string[] {
  const seen = new Set(known);
  const fresh = players.filter((id) => !seen.has(id));
  if (fresh.length === 0) return [...known];
  const first = new Map<string, number>();
  for (const r of results) {
    if (r.scenarioId !== scenarioId || !r.playerId || !comparable(r)) continue;
    first.set(r.playerId, Math.min(first.get(r.playerId) ?? Infinity, r.finishedAt));
  }
  const when = (id: string) => first.get(id) ?? Infinity;
  fresh.sort((a, b) => when(a) - when(b) || (a < b ? -1 : a > b ? 1 : 0));
  return [...known, ...fresh];
}

/** What storage holds, keeping only lists of ids (anything else there is dropped, never thrown). */
function read(): Numbered {
  if (!stored) return memory;
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (typeof v !== 'object' || v === null) return {};
    const out: Numbered = {};
    for (const [id, list] of Object.entries(v)) {
      if (Array.isArray(list) && list.every((x) => typeof x === 'string')) out[id] = list;
    }
    return out;
  } catch {
    return memory;
  }
}

/**
 * Each player's number on `scenarioId`'s board (`players`: the ids on it): the numbers given
 * before, then the next ones for players the board has not shown before. Reads only: the new
 * numbers are theirs once `keepBoardNumbers` has kept them.
 */
export function boardNumbers(scenarioId: string, players: readonly string[], results: readonly RunResult[]): Map<string, number> {
  const order = numberPlayers(read()[scenarioId] ?? [], players, results, scenarioId);
  return new Map(order.map((id, i) => [id, i + 1]));
}

/** Keeps the numbers a board shows (from `boardNumbers`), so each stays with its player from now on. */
export function keepBoardNumbers(scenarioId: string, numbers: ReadonlyMap<string, number>): void {
  const all = read();
  const known = all[scenarioId] ?? [];
  if (numbers.size <= known.length) return;
  memory = { ...all, [scenarioId]: [...numbers].sort((a, b) => a[1] - b[1]).map(([id]) => id) };
  try {
    localStorage.setItem(KEY, JSON.stringify(memory));
  } catch {
    stored = false;
  }
}
