import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roomLink, teamCode, typedRoomLink, uuidOfCode, type RoomLinkParts } from './room-link';
import { parseHash } from './router';

/** What a phone's app reads from an address: /play/<id>/ is #/play/<id> (path-form.ts), then the router. */
function readOnPhone(address: string): Record<string, string> {
  const url = new URL(/^https?:\/\//.test(address) ? address : `https://${address}`);
  const page = /^\/play\/([A-Za-z0-9_-]+)\/$/.exec(url.pathname);
  const hash = page ? `#/play/${page[1]}${url.search}` : url.hash;
  const route = parseHash(hash);
  expect(route.name).toBe('play');
  return route.params;
}

/** The room as the play screen takes it: scenario, mode, team, and that it is a room. */
function room(params: Record<string, string>) {
  return { id: params.id, mode: params.mode, team: params.team ?? null, room: params.room === '1' || !!params.team };
}

const TEAM = { id: '3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b', name: 'Winkelteam Utrecht-Centrum' };
const base: RoomLinkParts = { origin: 'https://frontlijn.example.nl', pathname: '/', scenarioId: 'toy-shop-saturday', builtin: true, mode: 'assessment', team: TEAM };

describe('a room link typed from the projector', () => {
  it('is short, in lower case, and opens the same scenario, mode and team as the QR code', () => {
    const typed = typedRoomLink(base);
    expect(typed).toBe(`frontlijn.example.nl/play/toy-shop-saturday/?t=${teamCode(TEAM.id)}`);
    expect(typed.length).toBeLessThanOrEqual(80);
    expect(roomLink(base).length).toBeGreaterThan(120);
    expect(room(readOnPhone(typed))).toEqual({ id: 'toy-shop-saturday', mode: 'assessment', team: TEAM.id, room: true });
    expect(room(readOnPhone(typed))).toEqual(room(readOnPhone(roomLink(base))));
  });

  it('round-trips every team, mode and place the app is served from', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.constantFrom<RoomLinkParts['mode']>('assessment', 'coaching'), fc.boolean(), fc.constantFrom('/', '/frontlijn/'), (id, mode, builtin, pathname) => {
        const parts = { ...base, team: { id, name: 'x' }, mode, builtin, pathname };
        expect(room(readOnPhone(typedRoomLink(parts)))).toEqual({ id: 'toy-shop-saturday', mode, team: id, room: true });
      }),
    );
  });

  it('says the mode of a room without a team, and writes a typeable non-UUID team id as it is', () => {
    for (const mode of ['assessment', 'coaching'] as const) {
      const typed = typedRoomLink({ ...base, mode, team: null });
      expect(typed).toBe(`frontlijn.example.nl/play/toy-shop-saturday/?m=${mode[0]}`);
      expect(room(readOnPhone(typed))).toEqual({ id: 'toy-shop-saturday', mode, team: null, room: true });
    }
    const bar = typedRoomLink({ ...base, team: { id: 'bar', name: 'Bar' } });
    expect(bar).toBe('frontlijn.example.nl/play/toy-shop-saturday/?t=bar');
    expect(room(readOnPhone(bar)).team).toBe('bar');
    // An id that is not typeable keeps the full form: still the right team.
    const odd = { ...base, team: { id: 'Team Ü/1', name: 'Ü' } };
    expect(room(readOnPhone(typedRoomLink(odd)))).toEqual(room(readOnPhone(roomLink(odd))));
  });

  it('reads a code as typed: any case, without dashes, with i, l and o for 1 and 0', () => {
    const code = teamCode(TEAM.id);
    expect(code).toMatch(/^[0-9a-z]{5}(-[0-9a-z]{5}){3}-[0-9a-z]{6}$/);
    expect(uuidOfCode(code.toUpperCase().replace(/-/g, ''))).toBe(TEAM.id);
    expect(uuidOfCode(code.replace(/1/g, 'l').replace(/0/g, 'O'))).toBe(TEAM.id);
    expect(uuidOfCode(code.slice(0, -1))).toBeNull();
    expect(uuidOfCode(code.slice(0, -1) + 'u')).toBeNull();
  });

  it('keeps links printed before working, and leaves other play addresses alone', () => {
    expect(room(readOnPhone(roomLink(base)))).toEqual({ id: 'toy-shop-saturday', mode: 'assessment', team: TEAM.id, room: true });
    expect(parseHash('#/play/toy-shop-saturday?mode=coaching').params).toEqual({ id: 'toy-shop-saturday', mode: 'coaching' });
    expect(parseHash('#/scenarios?t=x').params).toEqual({ t: 'x' });
  });
});
