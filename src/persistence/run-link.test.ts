import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { checkSignature, ImportError } from './results-file';
import { runNote } from './import-plan';
import { decodeRunLink, encodeRunLink, encodeRunQr, fromBase45, linkData, MAX_LINK_DATA, toBase45 } from './run-link';
import { generateDeviceKey, outgoing } from './run-signature';
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

describe('run link, version 2 (with the scenario)', () => {
  const scenario = {
    nodes: {
      a: { options: [{ id: 'good' }, { id: 'bad' }] },
      b: { options: [{ id: 'good' }, { id: 'bad' }] },
    },
  } as unknown as Scenario;
  const lookup = async () => scenario;
  const runId = '3f1c2a9e-5b7d-4c1e-9a2b-0123456789ab';
  const handed = {
    run: {
      ...finishedRun(runId, 'a1b2c3d4-0000-4000-8000-00000000abcd', ['good', 'bad']),
      seed: runId,
      events: [
        { type: 'timer.scale', scale: 1.5, at: 1_700_000_000_500 },
        { type: 'choice.select', node: 'a', option: 'good', at: 1_700_000_001_000 },
        { type: 'timer.start', node: 'b', at: 1_700_000_005_000 },
        { type: 'timer.expire', node: 'b', at: 1_700_000_031_000 },
      ],
      finishedAt: 1_700_000_031_000,
    } as ReturnType<typeof finishedRun>,
    player: { ...profile('a1b2c3d4-0000-4000-8000-00000000abcd', 't-kassa', 'Anna de Vries'), teamId: 't-kassa', createdAt: 1_700_000_000_000 },
    team: { ...team('t-kassa', 'Kassa zaterdag'), createdAt: 1_700_000_000_000 },
  };

  it('round-trips a run, its player and team, in fewer characters than version 1', async () => {
    const v1 = await encodeRunLink(handed);
    const v2 = await encodeRunLink(handed, scenario);
    expect(v2.length).toBeLessThan(v1.length);
    const back = await decodeRunLink(v2, lookup);
    expect(back.run).toEqual(handed.run);
    expect(back.player).toEqual({ ...handed.player, teamId: 't-kassa' });
    expect(back.team).toEqual(handed.team);
  });

  it('says a guest is a guest, with their number on the device that made the link (in both versions)', async () => {
    const guest = { ...handed, player: { ...handed.player, name: 'Gast', guest: true, guestNumber: 3 } };
    const back = await decodeRunLink(await encodeRunLink(guest, scenario), lookup);
    expect(back.player).toEqual({ ...guest.player, createdAt: handed.run.startedAt });
    expect((await decodeRunLink(await encodeRunLink(guest))).player).toEqual(guest.player);
    // A guest from before numbers arrives as a guest without one; a named player carries no mark.
    const { guestNumber: _, ...bare } = guest.player;
    expect((await decodeRunLink(await encodeRunLink({ ...guest, player: bare }, scenario), lookup)).player).toEqual({ ...bare, createdAt: handed.run.startedAt });
    expect((await decodeRunLink(await encodeRunLink(handed, scenario), lookup)).player?.guest).toBeUndefined();
  });

  it('still reads version 1 links', async () => {
    const back = await decodeRunLink(await encodeRunLink(handed));
    expect(back.run).toEqual(handed.run);
  });

  it('needs the scenario to read a version 2 link', async () => {
    const v2 = await encodeRunLink(handed, scenario);
    await expect(decodeRunLink(v2)).rejects.toThrow('scenario');
    await expect(decodeRunLink(v2, async () => undefined)).rejects.toThrow('scenario');
  });

  it('says a cut-off link is cut off', async () => {
    const v2 = await encodeRunLink(handed, scenario);
    await expect(decodeRunLink(v2.slice(0, Math.floor(v2.length / 2)), lookup)).rejects.toThrow('cut');
  });

  it('writes the QR code in base45, which reads back as the same link data', async () => {
    const qr = await encodeRunQr(handed, scenario);
    expect(qr).toMatch(/^FL:[0-9A-Z $%*+\-./:]+$/);
    const data = linkData(qr);
    expect(data).toBe(await encodeRunLink(handed, scenario));
    expect((await decodeRunLink(data!, lookup)).run).toEqual(handed.run);
  });

  it('base45 follows RFC 9285', () => {
    expect(toBase45(new TextEncoder().encode('AB'))).toBe('BB8');
    expect(toBase45(new TextEncoder().encode('Hello!!'))).toBe('%69 VD92EX0');
    expect(new TextDecoder().decode(fromBase45('%69 VD92EX0')!)).toBe('Hello!!');
    expect(fromBase45('GGW')).toBeNull();
  });

  it('version 3 carries the signature; a link changed after signing is refused on import', async () => {
    const pair = await generateDeviceKey();
    const [signed] = await outgoing([{ ...handed.run, mode: 'coaching' }], async () => pair);
    const v2 = await encodeRunLink({ ...handed, run: { ...signed, signature: undefined } }, scenario);
    const v3 = await encodeRunLink({ ...handed, run: signed }, scenario);
    // What the signature adds to a link: its key (65 bytes) and signature (64) are random, so they
    // do not compress: at least 172 characters of base64url. Measured over 400 keys: 189–200.
    expect(v3.length - v2.length).toBeGreaterThan(170);
    expect(v3.length - v2.length).toBeLessThanOrEqual(215);
    const back = await decodeRunLink(v3, lookup);
    expect(back.run).toEqual(signed);
    await checkSignature(back.run, 1, runNote(back.run, back.player ? [back.player] : []));
    expect(back.run.unverified).toBeUndefined();

    // The tester's edit: practice made an assessment, the signature kept.
    const forged = await decodeRunLink(await encodeRunLink({ ...handed, run: { ...signed, mode: 'assessment' } }, scenario), lookup);
    const refused = await checkSignature(forged.run, 1, runNote(forged.run, forged.player ? [forged.player] : [])).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportError);
    expect((refused as ImportError).code).toBe('forged-run');

    // Version 2 links (and version 1) still import, unverified.
    const old = await decodeRunLink(v2, lookup);
    await checkSignature(old.run, 1, runNote(old.run, []));
    expect(old.run.unverified).toBe(true);
  });
});
