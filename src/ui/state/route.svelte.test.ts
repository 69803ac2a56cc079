// @vitest-environment ./src/ui/test/runes-environment.ts
/**
 * route.amendQuery changes the address of the screen that asks, and only while the address is
 * still that screen's: the leaderboard's code can arrive after the trainer (or a test) has
 * already gone on to the debrief's projector link, and its "projector off" must not reach it.
 * route.leave returns to the entry route.open came from, so Back afterwards never re-enters the
 * view left (room mode's projector view), and otherwise takes the view's place in the history.
 */
import { beforeEach, expect, it, vi } from 'vitest';

const address = { hash: '' };
/** A session history: its entries and where in them the page is. */
let entries: { state: unknown; hash: string }[] = [];
let at = 0;
beforeEach(() => {
  vi.stubGlobal('location', address);
  entries = [{ state: null, hash: address.hash }];
  at = 0;
  vi.stubGlobal('history', {
    get state() {
      return entries[at].state;
    },
    replaceState: (state: unknown, _t: string, url: string) => {
      entries[at] = { state, hash: url };
      address.hash = url;
    },
    pushState: (state: unknown, _t: string, url: string) => {
      entries.splice(at + 1, Infinity, { state, hash: url });
      at++;
      address.hash = url;
    },
    back: () => {
      at--;
      address.hash = entries[at].hash;
    },
  });
});

it('sets and takes out a key in the address of the screen that asks', async () => {
  const { route } = await import('./route.svelte');
  address.hash = '#/debrief?scenario=ramp-at-the-stop';
  route.amendQuery('debrief', 'projector', '1');
  expect(address.hash).toBe('#/debrief?scenario=ramp-at-the-stop&projector=1');
  route.amendQuery('debrief', 'projector', null);
  expect(address.hash).toBe('#/debrief?scenario=ramp-at-the-stop');
  address.hash = '#/teams?projector=1';
  route.amendQuery('teams', 'projector', null);
  expect(address.hash).toBe('#/teams');
});

it('leaves the address alone once it belongs to another screen', async () => {
  const { route } = await import('./route.svelte');
  address.hash = '#/debrief?scenario=ramp-at-the-stop&projector=1';
  route.amendQuery('teams', 'projector', null);
  expect(address.hash).toBe('#/debrief?scenario=ramp-at-the-stop&projector=1');
  address.hash = '#/teams';
  route.amendQuery('debrief', 'projector', '1');
  route.amendQuery('play', 'run', 'r1');
  expect(address.hash).toBe('#/teams');
});

it('leaves a view opened from its setup by going back to the setup: Back then goes on, not into the view', async () => {
  const { route } = await import('./route.svelte');
  history.replaceState(null, '', '#/players');
  history.pushState(null, '', '#/room');
  route.open('#/room?view=projector');
  expect(address.hash).toBe('#/room?view=projector');
  expect(route.current.params.view).toBe('projector');
  route.leave('#/room');
  expect(address.hash).toBe('#/room');
  history.back();
  expect(address.hash).toBe('#/players');
});

it('leaves a view opened from elsewhere, or by its address, for its setup in its place', async () => {
  const { route } = await import('./route.svelte');
  history.replaceState(null, '', '#/results');
  route.open('#/room?view=projector');
  route.leave('#/room');
  expect(address.hash).toBe('#/room');
  expect(route.current.name).toBe('room');
  expect(history.state).toBeNull();
  history.back();
  expect(address.hash).toBe('#/results');
  // Opened by its address (typed, or a bookmark): nothing remembered to go back to.
  history.pushState(null, '', '#/room?view=projector');
  route.leave('#/room');
  expect(address.hash).toBe('#/room');
  expect(entries.map((e) => e.hash)).toEqual(['#/results', '#/room']);
});
