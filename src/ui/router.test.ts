import { describe, expect, it } from 'vitest';
import { href, parseHash } from './router';

describe('parseHash', () => {
  it('maps every agreed address to its screen', () => {
    expect(parseHash('').name).toBe('who');
    expect(parseHash('#/').name).toBe('who');
    expect(parseHash('#/scenarios').name).toBe('scenarios');
    expect(parseHash('#/settings').name).toBe('settings');
    expect(parseHash('#/history').name).toBe('history');
    expect(parseHash('#/players').name).toBe('players');
    expect(parseHash('#/teams').name).toBe('teams');
    expect(parseHash('#/room').name).toBe('room');
    expect(parseHash('#/debrief').name).toBe('debrief');
    expect(parseHash('#/results').name).toBe('results');
    expect(parseHash('#/author').name).toBe('author');
  });

  it('reads route parameters and the query into one record', () => {
    expect(parseHash('#/play/toy-shop-saturday?from=kids&hash=abc')).toEqual({
      name: 'play',
      params: { id: 'toy-shop-saturday', from: 'kids', hash: 'abc' },
      path: '/play/toy-shop-saturday?from=kids&hash=abc',
    });
    expect(parseHash('#/report/run-1').params.runId).toBe('run-1');
    expect(parseHash('#/import-run/eyJhIjoxfQ').params.data).toBe('eyJhIjoxfQ');
    expect(parseHash('#/author/map/cafe-terrace-sun').params).toMatchObject({ id: 'cafe-terrace-sun' });
  });

  it('decodes encoded segments and survives broken encoding', () => {
    expect(parseHash('#/play/caf%C3%A9').params.id).toBe('café');
    expect(parseHash('#/play/%E0%A4%A').params.id).toBe('%E0%A4%A');
  });

  it('sends unknown addresses to not-found, and a query cannot pollute the prototype', () => {
    expect(parseHash('#/nope/nope').name).toBe('not-found');
    const r = parseHash('#/scenarios?__proto__=x&constructor=y');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(r.params.constructor).toBe('y');
  });
});

describe('href', () => {
  it('builds addresses and drops empty query values', () => {
    expect(href('play/x', { mode: 'assessment', hash: undefined, from: '' })).toBe('#/play/x?mode=assessment');
    expect(href('/scenarios')).toBe('#/scenarios');
  });

  it('round-trips through parseHash', () => {
    const h = href('play/tram-card-reader', { next: '#/play/a?b=c', team: 't 1' });
    expect(parseHash(h).params).toMatchObject({ id: 'tram-card-reader', next: '#/play/a?b=c', team: 't 1' });
  });
});
