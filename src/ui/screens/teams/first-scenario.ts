/** A scenario a trainer chose for a teams view or a room, and when (ms). */
export interface Chosen {
  id: string;
  at: number;
}

/**
 * The scenario a teams view opens on: the one its address names; else the newer of the scenario
 * the trainer last chose (in a view's list, or for a room) and the scenario of the latest finished
 * run (of the team shown); else the first of the list. A view opened on its default chooses
 * nothing, so a scenario nobody played is not opened again just because it comes first.
 */
export function firstScenario(
  ids: readonly string[],
  wanted: string | undefined,
  chosen: Chosen | null,
  latest: { scenarioId: string; finishedAt: number } | undefined,
): string {
  if (wanted && ids.includes(wanted)) return wanted;
  const picked = chosen && ids.includes(chosen.id) ? chosen : null;
  const played = latest && ids.includes(latest.scenarioId) ? latest : undefined;
  if (picked && (!played || picked.at >= played.finishedAt)) return picked.id;
  return played?.scenarioId ?? ids[0] ?? '';
}

/**
 * The remembered choice as stored: `{ id, at }`, or a bare id from versions that remembered every
 * scenario a view showed (counted as older than any run). Anything else: nothing chosen.
 */
export function readChosen(text: string | null): Chosen | null {
  if (!text) return null;
  if (!text.startsWith('{')) return { id: text, at: 0 };
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && 'id' in v && 'at' in v && typeof v.id === 'string' && typeof v.at === 'number') return { id: v.id, at: v.at };
  } catch {
    /* garbled: nothing chosen */
  }
  return null;
}
