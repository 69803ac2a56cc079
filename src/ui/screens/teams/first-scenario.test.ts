import { describe, expect, it } from 'vitest';
import { firstScenario, readChosen } from './first-scenario';

const ids = ['cafe', 'fuel', 'toy'];

describe('the scenario a teams view opens on', () => {
  it('is the one the address names, whatever was chosen or played', () => {
    expect(firstScenario(ids, 'toy', { id: 'fuel', at: 9 }, { scenarioId: 'cafe', finishedAt: 10 })).toBe('toy');
  });

  it('is the latest finished run’s, not the first of the list, when nothing was chosen', () => {
    expect(firstScenario(ids, undefined, null, { scenarioId: 'toy', finishedAt: 10 })).toBe('toy');
  });

  it('is the trainer’s last choice when it came after the latest run, the run’s when that came after', () => {
    expect(firstScenario(ids, undefined, { id: 'fuel', at: 11 }, { scenarioId: 'toy', finishedAt: 10 })).toBe('fuel');
    expect(firstScenario(ids, undefined, { id: 'fuel', at: 9 }, { scenarioId: 'toy', finishedAt: 10 })).toBe('toy');
  });

  it('falls back to the first of the list, and leaves out scenarios no longer here', () => {
    expect(firstScenario(ids, undefined, null, undefined)).toBe('cafe');
    expect(firstScenario(ids, 'gone', { id: 'gone', at: 11 }, { scenarioId: 'gone', finishedAt: 10 })).toBe('cafe');
    expect(firstScenario(ids, undefined, { id: 'fuel', at: 0 }, undefined)).toBe('fuel');
    expect(firstScenario([], undefined, null, undefined)).toBe('');
  });
});

describe('the remembered choice', () => {
  it('reads what is stored now, and an old bare id as older than any run', () => {
    expect(readChosen(JSON.stringify({ id: 'toy', at: 5 }))).toEqual({ id: 'toy', at: 5 });
    expect(readChosen('toy-shop-saturday')).toEqual({ id: 'toy-shop-saturday', at: 0 });
    expect(readChosen(null)).toBeNull();
    expect(readChosen('{"id": 3}')).toBeNull();
    expect(readChosen('{garbled')).toBeNull();
  });
});
