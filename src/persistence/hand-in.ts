/**
 * A handed-in run (an opened link or a scanned QR code, run-link.ts) into the store: checked as a
 * results file's runs are (results-file.ts), then imported in one transaction (store.importBundle).
 */
import type { ImportOutcome, Store, StoredScenario } from './api';
import { checkRun, checkSignature, checkTimes, ImportError, withVersions, type KnownVersion } from './results-file';
import { runNote } from './import-plan';
import type { HandedInRun } from './run-link';

/**
 * Imports a handed-in run; throws ImportError when it is refused (nothing written). A run changed
 * after it was played (its signature does not hold) is refused, unless its genuine copy is here:
 * then the store's import decides and names it as for a results file (ImportOutcome.refusedHere:
 * finished, signed where it was played or played here) and nothing is written.
 */
export async function importHandedInRun(store: Store, handed: HandedInRun, known: KnownVersion, now = Date.now()): Promise<ImportOutcome> {
  try {
    // A version 3 link carries the signature of the device the run was played on (v1, v2: none).
    await checkSignature(handed.run, 1, runNote(handed.run, handed.player ? [handed.player] : []));
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    const outcome = await store.importBundle({ runs: [], scenarios: [], profiles: [], teams: [], refusedRunIds: [handed.run.id] });
    if (outcome.refusedHere.length === 0) throw e;
    return outcome;
  }
  checkTimes(handed.run, 1, now);
  const versions = new Map<string, StoredScenario>();
  await checkRun(handed.run, versions, known);
  const bundle = withVersions(
    { runs: [handed.run], profiles: handed.player ? [handed.player] : [], teams: handed.team ? [handed.team] : [], scenarios: [] },
    versions,
  );
  return store.importBundle(bundle);
}
