/**
 * Pure rules for combining runs: appending an event exactly once, and merging an imported run
 * with the one already stored (by run id, so a run is never counted twice).
 */
import type { Run, RunEvent } from '../engine/types';

export function sameEvent(a: RunEvent, b: RunEvent): boolean {
  if (a.type !== b.type || a.at !== b.at) return false;
  if (a.type === 'choice.select' && b.type === 'choice.select') return a.node === b.node && a.option === b.option;
  if (a.type === 'timer.expire' && b.type === 'timer.expire') return a.node === b.node;
  if (a.type === 'timer.start' && b.type === 'timer.start') return a.node === b.node;
  if (a.type === 'timer.scale' && b.type === 'timer.scale') return a.scale === b.scale;
  return false;
}

/**
 * A run as this device writes it when it is played or changed here. A signature it was imported
 * with covers the run as it came, not what is added here, so it is dropped: the run is this
 * device's from now on, signed by it when it leaves. An unverified run stays unverified.
 */
export function writtenHere(run: Run): Run {
  if (!run.signature) return run;
  const { signature: _, ...rest } = run;
  return rest;
}

/**
 * The run with `event` appended, or null when nothing changes: the same event was already the
 * last one (a retried write), or the run has finished.
 */
export function withEvent(run: Run, event: RunEvent): Run | null {
  if (run.finishedAt !== undefined) return null;
  const last = run.events[run.events.length - 1];
  if (last && sameEvent(last, event)) return null;
  return { ...writtenHere(run), events: [...run.events, event] };
}

function isPrefix(short: RunEvent[], long: RunEvent[]): boolean {
  if (short.length > long.length) return false;
  return short.every((e, i) => sameEvent(e, long[i]));
}

/**
 * What to do with an incoming copy of a run:
 * - 'add': not known yet;
 * - 'update': the stored copy is an earlier moment of the same play-through (its events are a
 *   prefix of the incoming ones, and the incoming copy is further or finished);
 * - 'skip': already known (equal, or the stored copy is further, or they disagree, on the events,
 *   the version or the player: the device's own copy wins);
 * except that a signed copy replaces an unverified one that is not further ('update').
 */
export function mergeDecision(stored: Run | undefined, incoming: Run): 'add' | 'update' | 'skip' {
  if (!stored) return 'add';
  // A signed copy (checked on import) replaces one that came unsigned, whatever that one said:
  // an unsigned copy of a run id, imported first, must not keep the genuine run out.
  if (stored.unverified && incoming.signature && !incoming.unverified && incoming.events.length >= stored.events.length) return 'update';
  if (stored.scenarioHash !== incoming.scenarioHash || stored.playerId !== incoming.playerId) return 'skip';
  if (!isPrefix(stored.events, incoming.events)) return 'skip';
  if (incoming.events.length > stored.events.length) return 'update';
  if (stored.finishedAt === undefined && incoming.finishedAt !== undefined) return 'update';
  return 'skip';
}

/**
 * Whether an incoming copy of a stored run tells another story: not the same play-through at an
 * earlier or later moment, but another version, player, mode, start or choices under the same id.
 * The import keeps the stored copy (mergeDecision says 'skip') and says so, rather than count it
 * as "already here".
 */
export function tellsAnotherStory(stored: Run, incoming: Run): boolean {
  const same = (['scenarioHash', 'playerId', 'mode', 'startedAt'] as const).every((k) => stored[k] === incoming[k]);
  return !same || (!isPrefix(stored.events, incoming.events) && !isPrefix(incoming.events, stored.events));
}
