/**
 * What an import does with the scenario versions it brings, decided the same way by both stores
 * (idb.ts, memory.ts) inside their import. Pure.
 *
 * Versions: a run counts (gets a result row) only on a version this device trusts; the notes
 * say, per version, whether it was trusted, new (stored apart) or already waiting.
 */
import type { ImportBundle, StoredScenario, VersionNote } from './api';
/** One note per version the import brought: trusted here, new (stored apart), or already waiting. */
export function versionNotes(bundle: ImportBundle, before: Map<string, StoredScenario | undefined>): VersionNote[] {
  const runs = new Map<string, number>();
  for (const r of bundle.runs) runs.set(r.scenarioHash, (runs.get(r.scenarioHash) ?? 0) + 1);
  return bundle.scenarios.map((s) => {
    const known = before.get(s.hash);
    const status: VersionNote['status'] = known ? (known.untrusted ? 'pending' : 'trusted') : s.untrusted ? 'new' : 'trusted';
    return { hash: s.hash, id: s.id, title: s.scenario.title, builtInId: !s.custom, status, runs: runs.get(s.hash) ?? 0 };
  });
}
