/** The command-line validator (scripts/validate.ts), run in-process with captured output. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './validate';

const FIX = 'src/engine/fixtures';

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run validate', () => {
  it('prints a summary for a valid file and exits 0', () => {
    const r = run(`${FIX}/tutorial-minimal.json`);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${FIX}/tutorial-minimal.json: valid — "The bakery, in the morning" (bakery-morning)`);
    expect(r.out).toContain('5 nodes: 2 decisions (1 timed) and 3 endings');
    expect(r.out).toContain('paths: always 2 decisions; about 2 minutes');
    expect(r.out).toContain('languages: nl, en');
    expect(r.out).toMatch(/warmth -?\d+ to \d+, initiative -?\d+ to \d+, outcome -?\d+ to \d+/);
    expect(r.out.trim().split('\n').pop()).toBe('1 file: 1 valid, 0 errors, 0 warnings');
  });

  it('prints file:line:col: severity: message and exits 1 on errors', () => {
    const r = run(`${FIX}/unknown-target.json`, `${FIX}/unknown-field.json`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${FIX}/unknown-target.json:90:19: error: Option "sold-out" of node "greet" goes to "advise", which does not exist — did you mean "advice"?`);
    expect(r.out).toContain(`${FIX}/unknown-field.json:73:11: warning: Unknown field "feedbak"`);
    expect(r.out.trim().split('\n').pop()).toBe('2 files: 0 valid, 4 errors, 3 warnings');
  });

  it('says clearly when a path does not exist', () => {
    const r = run('no/such/scenario.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain('no/such/scenario.json: error: No such file or folder');
  });

  it('prints a problem about the whole file without a line:column, and the others with one', () => {
    const r = run(`${FIX}/flat-dimension.json`, `${FIX}/unknown-target.json`);
    expect(r.out).toContain(`${FIX}/flat-dimension.json: warning: No path scores differently on initiative`);
    expect(r.out).not.toMatch(/flat-dimension\.json:\d+:\d+:/);
    expect(r.out).toContain(`${FIX}/unknown-target.json:90:19: error:`);
    const empty = join(mkdtempSync(join(tmpdir(), 'validate-')), 'empty.json');
    writeFileSync(empty, '');
    expect(run(empty).out).toContain(`${empty}: error: The file is empty`);
  });

  it('scans folders for .json files, skipping schemas and expected results', () => {
    const r = run('--json', FIX);
    const report = JSON.parse(r.out);
    const fixtures = readdirSync(FIX).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
    expect(report.files).toHaveLength(fixtures.length);
    expect(report.totals.valid).toBe(report.files.filter((f: { ok: boolean }) => f.ok).length);
    const tutorial = report.files.find((f: { file: string }) => f.file.endsWith('tutorial-minimal.json'));
    expect(tutorial.summary).toMatchObject({ id: 'bakery-morning', decisions: 2, endings: 3 });
    expect(r.code).toBe(1);
  });

  it('prints what players who do not read reach: the naive strategies, the random player, the longest-is-best share', () => {
    const r = run(`${FIX}/length-cue.json`);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${FIX}/length-cue.json:34:9: warning: A player who always picks the longest option (in the English texts) reaches the fan ending "fan" with an overall score of 100`);
    expect(r.out).toContain('  always the longest option — nl: ending "fan" (fan), overall 100; en: ending "fan" (fan), overall 100');
    expect(r.out).toContain('  always the shortest option — nl: ending "doubt" (neutral), overall 6; en: ending "doubt" (neutral), overall 6');
    expect(r.out).toContain('  a random player (200 runs) — overall 49.3 on average, 52% reach a fan ending');
    expect(r.out).toContain('  the longest option is a top-scoring one — nl: in 4 of 4 decisions (100%); en: in 4 of 4 decisions (100%)');
    expect(r.out.trim().split('\n').pop()).toBe('1 file: 1 valid, 0 errors, 5 warnings');

    const nl = run(`${FIX}/length-cue.json`, '--lang', 'nl');
    expect(nl.out).toContain('  altijd de langste optie — nl: einde "fan" (fan), totaalscore 100; en: einde "fan" (fan), totaalscore 100');
    expect(nl.out).toContain('  altijd de kortste optie — nl: einde "doubt" (neutraal), totaalscore 6; en: einde "doubt" (neutraal), totaalscore 6');
    expect(nl.out).toContain('  een willekeurige speler (200 keer) — gemiddelde totaalscore 49,3, 52% haalt een fan-einde');
    expect(nl.out).toContain('  de langste optie scoort het best — nl: bij 4 van 4 beslissingen (100%); en: bij 4 van 4 beslissingen (100%)');

    const json = JSON.parse(run(`${FIX}/length-cue.json`, '--json').out);
    expect(json.files[0].summary.testWiseness).toEqual({
      longest: { nl: { ending: 'fan', tone: 'fan', overall: 100 }, en: { ending: 'fan', tone: 'fan', overall: 100 } },
      shortest: { nl: { ending: 'doubt', tone: 'neutral', overall: 6 }, en: { ending: 'doubt', tone: 'neutral', overall: 6 } },
      random: { runs: 200, meanOverall: 49.3, fanShare: 0.52 },
      longestBest: { nl: { count: 4, decisions: 4, share: 1 }, en: { count: 4, decisions: 4, share: 1 } },
    });
    expect(json.files[0].problems.map((p: { code: string }) => p.code)).toEqual(['longest-is-best', 'longest-is-best', 'length-strategy', 'length-strategy', 'mood-saturated']);
  });

  it('explains its usage when called without files', () => {
    const r = run();
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: npm run validate -- <file or folder>');
    expect(run('--help').code).toBe(0);
    expect(run('--jsn', 'x.json').err).toContain('Unknown option --jsn');
  });

  it('speaks Dutch with --lang nl: the same places and exit code, Dutch messages, summary and totals', () => {
    const broken = run(`${FIX}/unknown-target.json`, '--lang', 'nl');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`${FIX}/unknown-target.json:90:19: fout: Optie "sold-out" van knooppunt "greet" gaat naar "advise", maar dat bestaat niet — bedoel je "advice"?`);
    const valid = run(`--lang=nl`, `${FIX}/tutorial-minimal.json`);
    expect(valid.code).toBe(0);
    expect(valid.out).toContain(`${FIX}/tutorial-minimal.json: in orde — "De bakker, 's ochtends" (bakery-morning)`);
    expect(valid.out).toContain('5 knooppunten: 2 beslissingen (1 met tijdslimiet) en 3 eindes');
    expect(valid.out.trim().split('\n').pop()).toBe('1 bestand: 1 in orde, 0 fouten, 0 waarschuwingen');
    const json = JSON.parse(run(`${FIX}/unknown-target.json`, '--json', '--lang', 'nl').out);
    expect(json.files[0].problems[0]).toMatchObject({ code: 'unknown-target', line: 90, column: 19 });
    expect(run('--lang', 'fr', 'x.json')).toMatchObject({ code: 2 });
    expect(run('--lang', 'fr', 'x.json').err).toContain('--lang takes nl or en');
  });
});
