// @vitest-environment ./src/ui/test/runes-environment.ts
/**
 * route.amendQuery changes the address of the screen that asks, and only while the address is
 * still that screen's: the leaderboard's code can arrive after the trainer (or a test) has
 * already gone on to the debrief's projector link, and its "projector off" must not reach it.
 */
import { beforeEach, expect, it, vi } from 'vitest';

const address = { hash: '' };
beforeEach(() => {
  vi.stubGlobal('location', address);
  vi.stubGlobal('history', { state: null, replaceState: (_s: unknown, _t: string, url: string) => (address.hash = url) });
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
