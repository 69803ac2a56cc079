/**
 * The store keeps exactly the ids the validator lets through: a valid scenario (at the limit) is
 * read back, its runs restored; one past the limit never gets as far as the store.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH } from '../engine/limits';
import { validateScenario } from '../engine/validate';
import { contentHash } from '../engine/hash';
import { restoreRun, restoreStoredScenario } from './restore';

const base = JSON.parse(readFileSync(new URL('../../scenarios/toy-shop-saturday.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('one id limit', () => {
  it('a scenario the validator accepts is kept by the store, with its runs', () => {
    const id = 'a'.repeat(MAX_ID_LENGTH);
    const source = JSON.stringify({ ...base, id });
    const v = validateScenario(source);
    expect(v.ok).toBe(true);
    const hash = contentHash(v.scenario!);
    const stored = restoreStoredScenario({ hash, id, source, scenario: v.scenario, custom: true, storedAt: 1 });
    expect(stored?.id).toBe(id);
    const run = restoreRun({ formatVersion: 1, id: 'r1', scenarioId: id, scenarioHash: hash, playerId: null, mode: 'coaching', timerScale: 1, startedAt: 1, events: [] });
    expect(run?.scenarioId).toBe(id);
  });

  it('one character more is refused by the validator, so it is never "valid and stored" then lost', () => {
    expect(validateScenario(JSON.stringify({ ...base, id: 'a'.repeat(MAX_ID_LENGTH + 1) })).ok).toBe(false);
  });
});
