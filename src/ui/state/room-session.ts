/**
 * The room the facilitator's laptop is running now: which scenario, team and mode its code opens,
 * how many players are expected, and which runs came in since it opened (the roster). Kept in
 * localStorage, so the projector tab and the tab that imports a handed-in link share it.
 */
import type { Mode, Run } from '../../engine/types';

export interface RoomSession {
  scenarioId: string;
  teamId: string | null;
  mode: Mode;
  /** How many players the facilitator expects (0: not said). */
  expected: number;
  /** When the code was first shown (ms). */
  since: number;
  /** The runs handed in to this room, oldest first. */
  runIds: string[];
  /** xAPI: the room's links carry this laptop's LRS (endpoint and key). */
  lrs?: boolean;
}

const KEY = 'frontlijn-room';

function isSession(v: unknown): v is RoomSession {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.scenarioId === 'string' &&
    (s.teamId === null || typeof s.teamId === 'string') &&
    (s.mode === 'assessment' || s.mode === 'coaching') &&
    typeof s.expected === 'number' &&
    typeof s.since === 'number' &&
    Array.isArray(s.runIds) &&
    s.runIds.every((x) => typeof x === 'string')
  );
}

/** The open room, or null (none, or storage refused). */
export function loadRoom(): RoomSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    const v: unknown = raw ? JSON.parse(raw) : null;
    return isSession(v) ? v : null;
  } catch {
    return null;
  }
}

function save(room: RoomSession | null): void {
  try {
    if (room) localStorage.setItem(KEY, JSON.stringify(room));
    else localStorage.removeItem(KEY);
  } catch {
    /* storage refused: the room lives as long as this page */
  }
}

/**
 * Opens the room for this scenario, team and mode. The same room shown again keeps its roster;
 * another one starts an empty one.
 */
export function openRoom(o: { scenarioId: string; teamId: string | null; mode: Mode; expected: number; lrs?: boolean }, now = Date.now()): RoomSession {
  const old = loadRoom();
  const same = old && old.scenarioId === o.scenarioId && old.teamId === o.teamId && old.mode === o.mode;
  const room: RoomSession = same ? { ...old, expected: o.expected, lrs: o.lrs } : { ...o, since: now, runIds: [] };
  save(room);
  return room;
}

export function closeRoom(): void {
  save(null);
}

/**
 * Calls `listener` when another tab of this browser opens, changes or closes the room (the
 * browser's storage event: this tab's own writes do not fire it). Returns the way to stop.
 */
export function onRoomChange(listener: () => void): () => void {
  const heard = (e: StorageEvent) => {
    if (e.key === KEY || e.key === null) listener();
  };
  addEventListener('storage', heard);
  return () => removeEventListener('storage', heard);
}

/** Adds a handed-in run to the open room's roster when it is of the room's scenario; true if added. */
export function noteHandedIn(run: Pick<Run, 'id' | 'scenarioId' | 'finishedAt' | 'startNode'>): boolean {
  const room = loadRoom();
  if (!room || run.scenarioId !== room.scenarioId || run.finishedAt === undefined || run.startNode) return false;
  if (room.runIds.includes(run.id)) return false;
  save({ ...room, runIds: [...room.runIds, run.id] });
  return true;
}

/**
 * A run finished on the laptop running the room (in another tab, from the room's own link): on
 * the roster too when it is of the room's scenario and mode and began after the room opened.
 */
export function noteRunHere(run: Pick<Run, 'id' | 'scenarioId' | 'finishedAt' | 'startNode' | 'mode' | 'startedAt'>): boolean {
  const room = loadRoom();
  if (!room || run.mode !== room.mode || run.startedAt < room.since) return false;
  return noteHandedIn(run);
}
