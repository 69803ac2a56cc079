/**
 * The scenarios a player can choose: the built-in catalog (virtual:scenario-catalog; each
 * scenario's JSON fetched only when played) and the custom scenarios kept in the store.
 * Loads a scenario for play, or an exact stored version by its content hash.
 */
import { catalog, type CatalogEntry } from 'virtual:scenario-catalog';
import type { ValidationResult } from '../../engine/contract';
import type { Analysis } from '../../engine/contract';
import type { Ambience, Customer, Role, Scenario, Setting, Text } from '../../engine/types';
import type { StoredScenario } from '../../persistence/api';
import { earlierOf, isEarlierVersion } from '../../persistence/earlier-versions';
import { app } from './app.svelte';

/** What a scenario card shows, for built-in and custom scenarios alike. */
export interface ScenarioEntry {
  id: string;
  title: Text;
  description: Text;
  setting: Setting;
  ambience: Ambience;
  estimatedMinutes: number | null;
  customerName: string | null;
  look: Customer['look'] | null;
  /** The job it is for (the list groups by it); null: none given. */
  role: Role | null;
  /** The behaviours it trains. */
  trains: Text[];
  custom: boolean;
  /** For custom scenarios: the hash of the newest version. */
  hash?: string;
}

/**
 * A scenario ready to play. `analysis` is computed on first read. The analysis code is loaded
 * apart from the game's first bundle: loadScenario/loadVersion wait for it; playScenario and
 * playVersion (the play screen's fast path to the first decision) do not, so read `analysis`
 * from those only after `await analysisReady()`.
 */
export interface LoadedScenario {
  scenario: Scenario;
  hash: string;
  readonly analysis: Analysis;
  custom: boolean;
  /** The exact file text, kept with the version in the store. */
  source: string;
}

/** A scenario that could not be loaded, with a sentence saying why. */
export class ScenarioLoadError extends Error {
  constructor(
    message: string,
    readonly kind: 'unknown' | 'network' | 'invalid' | 'missing-version',
  ) {
    super(message);
    this.name = 'ScenarioLoadError';
  }
}

type Analyse = (scenario: Scenario) => Analysis;
let analyse: Analyse | null = null;
let analyseLoading: Promise<Analyse> | null = null;

/** Loads the engine's analysis (a separate chunk); resolves once `loaded.analysis` can be read. */
export function analysisReady(): Promise<Analyse> {
  analyseLoading ??= import('../../engine/analyse').then((m) => (analyse = m.analyseScenario));
  analyseLoading.catch(() => (analyseLoading = null));
  return analyseLoading;
}

function loaded(scenario: Scenario, hash: string, source: string, custom: boolean): LoadedScenario {
  let analysis: Analysis | undefined;
  return {
    scenario,
    hash,
    source,
    custom,
    get analysis() {
      if (!analyse) throw new Error('The scenario analysis is not loaded yet: await analysisReady() first.');
      analysis ??= analyse(scenario);
      return analysis;
    },
  };
}

function fromCatalog(c: CatalogEntry): ScenarioEntry {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    setting: c.setting,
    ambience: c.ambience,
    estimatedMinutes: c.estimatedMinutes,
    customerName: c.customer?.name ?? null,
    look: c.customer?.look ?? null,
    role: c.role ?? null,
    trains: Array.isArray(c.trains) ? c.trains : [],
    custom: false,
  };
}

function fromStored(s: StoredScenario): ScenarioEntry {
  const sc = s.scenario;
  return {
    id: sc.id,
    title: sc.title,
    description: sc.description,
    setting: sc.setting,
    ambience: sc.ambience ?? (sc.setting === 'other' ? 'none' : sc.setting),
    estimatedMinutes: sc.estimatedMinutes ?? null,
    customerName: sc.customer?.name ?? null,
    look: sc.customer?.look ?? null,
    role: sc.role ?? null,
    trains: Array.isArray(sc.trains) ? sc.trains : [],
    custom: true,
    hash: s.hash,
  };
}

/** The first entry of each id. */
function uniqueById(list: ScenarioEntry[]): ScenarioEntry[] {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local set, not UI state
  const seen = new Set<string>();
  return list.filter((e) => !seen.has(e.id) && (seen.add(e.id), true));
}

// On the dev server, built-in files are being edited: check them with the CLI's validator. The
// glob keeps the production bundle free of it (and tolerates the validator not being there).
const devValidator = import.meta.env.DEV
  ? import.meta.glob<{ validateScenario: (text: string) => ValidationResult }>('../../engine/validate.ts')
  : {};

export class ScenarioLibrary {
  /** The newest stored version of each custom scenario. */
  custom = $state.raw<StoredScenario[]>([]);
  /** Bumped when a built-in file changes on the dev server, so open screens reload it. */
  revision = $state(0);
  builtins: ScenarioEntry[] = catalog.map(fromCatalog);
  /** The app's own earlier versions of its built-ins (scenarios/versions.txt, by the build). */
  readonly earlier = earlierOf(catalog);

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain cache, not UI state
  #cache = new Map<string, Promise<LoadedScenario>>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain cache, not UI state
  #byHash = new Map<string, Promise<LoadedScenario>>();

  /** Built-in and custom scenarios, built-ins first; one entry per id, whatever the store holds. */
  entries = $derived<ScenarioEntry[]>(uniqueById([...this.builtins, ...this.custom.map(fromStored)]));

  /** Reloads the list of custom scenarios from the store. */
  async refresh(): Promise<void> {
    const store = await app.ready();
    const all = await store.listScenarios().catch(() => [] as StoredScenario[]);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain cache, not UI state
    const newest = new Map<string, StoredScenario>();
    for (const s of all) {
      // A custom version may not take a built-in's id (an old import could have stored one):
      // the built-in wins, so every list keyed by scenario id stays unique.
      if (!s.custom || s.hidden || s.untrusted || this.builtin(s.id)) continue;
      const prev = newest.get(s.id);
      if (!prev || s.storedAt > prev.storedAt) newest.set(s.id, s);
    }
    this.custom = [...newest.values()].sort((a, b) => a.storedAt - b.storedAt);
  }

  /** Every entry (call refresh() first for custom ones). */
  listScenarios(): ScenarioEntry[] {
    return this.entries;
  }

  /** The catalog entry of a built-in scenario, if the id is one. */
  builtin(id: string): CatalogEntry | undefined {
    return catalog.find((c) => c.id === id);
  }

  /** Whether a version is one of the app's own earlier versions of a built-in (not the current one). */
  isEarlier(id: string, hash: string): boolean {
    return isEarlierVersion(this.earlier, id, hash);
  }

  /**
   * The built-in a typed id means when it is not one as written: "ToyShopSaturday" or
   * "toy shop saturday" for "toy-shop-saturday" (a room's address typed from a projector).
   */
  builtinLike(id: string): CatalogEntry | undefined {
    if (this.builtin(id)) return undefined;
    const plain = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    const want = plain(id);
    return want ? catalog.find((c) => plain(c.id) === want) : undefined;
  }

  /**
   * Loads a scenario by id: a built-in (fetched once, in parallel with the rest of the page) or
   * the newest custom version in the store. Its `analysis` can be read at once.
   */
  async loadScenario(id: string): Promise<LoadedScenario> {
    const [s] = await Promise.all([this.playScenario(id), analysisReady()]);
    return s;
  }

  /** Loads the exact version a run was played on; its `analysis` can be read at once. */
  async loadVersion(hash: string): Promise<LoadedScenario> {
    const [s] = await Promise.all([this.playVersion(hash), analysisReady()]);
    return s;
  }

  /** The play screen's fast path: like loadScenario, without waiting for the analysis code. */
  playScenario(id: string): Promise<LoadedScenario> {
    let p = this.#cache.get(id);
    if (!p) {
      p = this.#load(id);
      this.#cache.set(id, p);
      p.catch(() => this.#cache.delete(id));
    }
    return p;
  }

  async #load(id: string): Promise<LoadedScenario> {
    const entry = this.builtin(id);
    if (entry) {
      let text: string;
      try {
        const res = await fetch(entry.url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        text = await res.text();
      } catch (e) {
        throw new ScenarioLoadError(e instanceof Error ? e.message : String(e), 'network');
      }
      return this.#parseBuiltin(text, entry.hash);
    }
    const store = await app.ready();
    const versions = (await store.listScenarios()).filter((s) => s.id === id && !s.hidden && !s.untrusted);
    if (versions.length === 0) throw new ScenarioLoadError(id, 'unknown');
    const newest = versions.reduce((a, b) => (b.storedAt > a.storedAt ? b : a));
    return loaded(newest.scenario, newest.hash, newest.source, newest.custom);
  }

  async #parseBuiltin(text: string, buildHash?: string): Promise<LoadedScenario> {
    const validator = Object.values(devValidator)[0];
    let scenario: Scenario;
    if (validator) {
      const { validateScenario } = await validator();
      const result = validateScenario(text);
      if (!result.ok || !result.scenario) {
        const first = result.problems.find((p) => p.severity === 'error');
        throw new ScenarioLoadError(first ? `${first.line}:${first.column} ${first.message}` : 'invalid', 'invalid');
      }
      scenario = result.scenario;
    } else {
      // Built-in files are validated in CI; the production build only parses them.
      try {
        scenario = JSON.parse(text) as Scenario;
      } catch (e) {
        throw new ScenarioLoadError(e instanceof Error ? e.message : String(e), 'invalid');
      }
    }
    // The build may have hashed it already (the same contentHash, computed once on the server).
    return loaded(scenario, buildHash ?? (await import('../../engine/hash')).contentHash(scenario), text, false);
  }

  /** The play screen's fast path: like loadVersion, without waiting for the analysis code. */
  playVersion(hash: string): Promise<LoadedScenario> {
    let p = this.#byHash.get(hash);
    if (!p) {
      p = this.#loadVersion(hash);
      this.#byHash.set(hash, p);
      p.catch(() => this.#byHash.delete(hash));
    }
    return p;
  }

  async #loadVersion(hash: string): Promise<LoadedScenario> {
    const store = await app.ready();
    const stored = await store.getScenario(hash);
    if (stored) return loaded(stored.scenario, stored.hash, stored.source, stored.custom);
    // Not stored yet: it may be the current version of a built-in ("play from here" on the map).
    for (const c of catalog) {
      const s = await this.playScenario(c.id).catch(() => null);
      if (s?.hash === hash) return s;
    }
    throw new ScenarioLoadError(hash, 'missing-version');
  }

  /** Keeps a version in the store so runs always replay against what was played (idempotent). */
  async remember(s: LoadedScenario): Promise<void> {
    const store = await app.ready();
    if (await store.getScenario(s.hash)) return;
    await store.saveScenario({ hash: s.hash, id: s.scenario.id, source: s.source, scenario: s.scenario, custom: s.custom, storedAt: Date.now() });
  }

  /** Forgets cached built-in text (the dev server changed a file). */
  invalidate(id?: string): void {
    if (id) this.#cache.delete(id);
    else this.#cache.clear();
    this.revision++;
  }
}

export const scenarios = new ScenarioLibrary();

if (import.meta.hot) {
  import.meta.hot.on('frontlijn:scenario-update', (data: { file: string; text: string; id?: string; ok?: boolean }) => {
    // A half-typed file must not break the running game: only valid updates are taken.
    if (data.ok === false) return;
    scenarios.invalidate(data.id ?? data.file.replace(/\.json$/, ''));
  });
}
