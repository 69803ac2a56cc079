/**
 * The app's own earlier versions of its built-in scenarios (scenarios/versions.txt, given to the
 * app by the build in each catalog entry's `earlier`). A run played on one of them (a phone still
 * on the cached app during an update, yesterday's results file) is trusted like a run on the
 * current version: the app shipped that content, so no trainer need vouch for it.
 *
 * A hash alone proves nothing: the decision is only ever taken for a hash computed here from the
 * content that arrived (results-file.ts hashes every version's source and refuses a file whose
 * stated hash differs), never for the hash a file or link states.
 */
import type { Store } from './api';

/** Per built-in scenario id, the content hashes of its earlier shipped versions. */
export type EarlierVersions = Readonly<Record<string, readonly string[]>>;

/** Whether `hash`, computed from content with this scenario id, is an earlier shipped version of the built-in `id`. */
export function isEarlierVersion(earlier: EarlierVersions | undefined, id: string, hash: string): boolean {
  return !!earlier && Object.hasOwn(earlier, id) && earlier[id].includes(hash);
}

/** The earlier versions of each catalog entry, as readResultsFile takes them. */
export function earlierOf(catalog: readonly { id: string; earlier?: readonly string[] }[]): EarlierVersions {
  return Object.fromEntries(catalog.map((c) => [c.id, c.earlier ?? []]));
}

/**
 * Trusts the versions kept apart for a trainer's decision that are earlier versions of a built-in
 * (stored before this app knew them as its own: their hash was computed from their content when
 * they were imported). Their runs count from now on. Returns how many runs that made count.
 */
export async function trustEarlierVersions(store: Pick<Store, 'listPendingScenarios' | 'trustScenario'>, earlier: EarlierVersions): Promise<number> {
  let counted = 0;
  for (const { version } of await store.listPendingScenarios()) {
    if (!version.custom && isEarlierVersion(earlier, version.id, version.hash)) counted += await store.trustScenario(version.hash);
  }
  return counted;
}
