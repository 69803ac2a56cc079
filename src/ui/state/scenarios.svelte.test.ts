import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../engine/hash';
import type { Scenario } from '../../engine/types';

// Built-in files are fetched by URL; serve them from scenarios/ (the dev server's layout).
beforeAll(() => {
  vi.stubGlobal('fetch', async (url: string) => {
    const m = /\/scenarios\/([a-z0-9-]+)(?:\.[0-9a-f]{8})?\.json$/.exec(url);
    if (!m) return new Response('not found', { status: 404 });
    return new Response(readFileSync(join(process.cwd(), 'scenarios', `${m[1]}.json`), 'utf8'));
  });
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
});
afterAll(() => vi.unstubAllGlobals());

const { scenarios, analysisReady, ScenarioLoadError } = await import('./scenarios.svelte');
const { app } = await import('./app.svelte');

describe('ScenarioLibrary', () => {
  it('lists the built-ins from the catalog, not marked custom', () => {
    const ids = scenarios.builtins.map((e) => e.id).sort();
    expect(ids).toEqual(['age-check', 'cafe-terrace-sun', 'fuel-station-evening', 'phone-complaint', 'ramp-at-the-stop', 'return-no-receipt', 'shelf-price', 'ticket-machine-tourist', 'toy-shop-saturday', 'tram-card-reader']);
    expect(scenarios.builtins.every((e) => !e.custom)).toBe(true);
  });

  it('loads a built-in with its content hash; the analysis is readable after loadScenario', async () => {
    const s = await scenarios.loadScenario('toy-shop-saturday');
    expect(s.scenario.id).toBe('toy-shop-saturday');
    expect(s.hash).toBe(contentHash(s.scenario));
    expect(s.analysis.bestPath.steps.length).toBeGreaterThan(0);
    // The same promise is shared: one fetch per scenario.
    expect(await scenarios.playScenario('toy-shop-saturday')).toBe(s);
  });

  it('says clearly when a scenario does not exist', async () => {
    await expect(scenarios.playScenario('no-such-scenario')).rejects.toBeInstanceOf(ScenarioLoadError);
  });

  it('custom scenarios from the store appear beside the built-ins, newest version first in use', async () => {
    const store = await app.ready();
    const base = JSON.parse(readFileSync(join(process.cwd(), 'scenarios', 'tram-card-reader.json'), 'utf8')) as Scenario;
    const v1 = { ...base, id: 'my-kiosk', title: { nl: 'Kiosk', en: 'Kiosk' } };
    const v2 = { ...v1, title: { nl: 'Kiosk v2', en: 'Kiosk v2' } };
    await store.saveScenario({ hash: contentHash(v1), id: 'my-kiosk', source: JSON.stringify(v1), scenario: v1, custom: true, storedAt: 1 });
    await store.saveScenario({ hash: contentHash(v2), id: 'my-kiosk', source: JSON.stringify(v2), scenario: v2, custom: true, storedAt: 2 });
    await scenarios.refresh();
    const custom = scenarios.entries.filter((e) => e.custom);
    expect(custom).toHaveLength(1);
    expect(custom[0]).toMatchObject({ id: 'my-kiosk', custom: true, hash: contentHash(v2) });
    expect((await scenarios.loadScenario('my-kiosk')).scenario.title).toEqual({ nl: 'Kiosk v2', en: 'Kiosk v2' });
    // An older version stays playable by its hash (runs replay against what was played).
    expect((await scenarios.loadVersion(contentHash(v1))).scenario.title).toEqual({ nl: 'Kiosk', en: 'Kiosk' });
  });

  it('finds the current version of a built-in by hash before it was ever stored', async () => {
    const s = await scenarios.playScenario('cafe-terrace-sun');
    const byHash = await scenarios.loadVersion(s.hash);
    expect(byHash.scenario.id).toBe('cafe-terrace-sun');
    await analysisReady();
    expect(byHash.analysis.summary.id).toBe('cafe-terrace-sun');
  });
});
