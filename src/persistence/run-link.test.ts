import { describe, expect, it } from 'vitest';
import { decodeRunLink, encodeRunLink, linkData, MAX_LINK_DATA } from './run-link';
import { finishedRun, profile, team } from './test/fixtures';

describe('run link', () => {
  const handed = {
    run: {
      ...finishedRun('3f1c2a9e-5b7d-4c1e-9a2b-0123456789ab', 'p-anna', ['good', 'bad']),
      events: [
        { type: 'timer.scale', scale: 1.5, at: 1_700_000_000_500 },
        { type: 'choice.select', node: 'a', option: 'good', at: 1_700_000_001_000 },
        { type: 'timer.start', node: 'b', at: 1_700_000_005_000 },
        { type: 'timer.expire', node: 'b', at: 1_700_000_031_000 },
      ],
      finishedAt: 1_700_000_031_000,
    } as ReturnType<typeof finishedRun>,
    player: { ...profile('p-anna', 't-kassa', 'Anna de Vries'), teamId: 't-kassa' },
    team: team('t-kassa', 'Kassa zaterdag'),
  };

  it('round-trips a run, its player and team', async () => {
    const data = await encodeRunLink(handed);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(data.length).toBeLessThan(400);
    const back = await decodeRunLink(data);
    expect(back.run).toEqual(handed.run);
    expect(back.player).toEqual(handed.player);
    expect(back.team).toEqual(handed.team);
  });

  it('carries the run\'s option-order seed, so the imported run shows what the player saw', async () => {
    const seeded = { ...handed, run: { ...handed.run, seed: '9b2e4f6a-1c3d-4e5f-8a7b-6c5d4e3f2a1b' } };
    const back = await decodeRunLink(await encodeRunLink(seeded));
    expect(back.run.seed).toBe(seeded.run.seed);
  });

  it('refuses tampered, truncated, foreign and oversized data', async () => {
    const data = await encodeRunLink(handed);
    await expect(decodeRunLink(data.slice(0, data.length - 10))).rejects.toThrow();
    await expect(decodeRunLink('x' + data.slice(1))).rejects.toThrow();
    await expect(decodeRunLink('hello')).rejects.toThrow();
    await expect(decodeRunLink('A'.repeat(MAX_LINK_DATA + 1))).rejects.toThrow('size');
  });

  it('finds the data in a scanned link', () => {
    expect(linkData('https://room.example/#/import-run/abcDEF_-1234567890')).toBe('abcDEF_-1234567890');
    expect(linkData('hello world')).toBeNull();
  });
});
