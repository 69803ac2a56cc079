/**
 * The manager's own scenarios as the authoring screen lists them: stored custom versions grouped
 * by scenario id, newest version first.
 */
import type { StoredScenario } from '../persistence/api';

export interface CustomScenario {
  id: string;
  /** The newest version. */
  latest: StoredScenario;
  /** Every stored version, newest first. */
  versions: StoredScenario[];
}

/** Groups the visible custom versions by id; scenarios sorted by their newest version, newest first. */
export function groupCustom(all: readonly StoredScenario[]): CustomScenario[] {
  const byId = new Map<string, StoredScenario[]>();
  for (const s of all) {
    if (!s.custom || s.hidden) continue;
    const list = byId.get(s.id) ?? [];
    list.push(s);
    byId.set(s.id, list);
  }
  return [...byId.entries()]
    .map(([id, versions]) => {
      versions.sort((a, b) => b.storedAt - a.storedAt);
      return { id, latest: versions[0], versions };
    })
    .sort((a, b) => b.latest.storedAt - a.latest.storedAt);
}
