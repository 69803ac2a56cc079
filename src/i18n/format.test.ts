import { describe, expect, it } from 'vitest';
import { formatMessage, oneFullStop } from './format';
import coreNl from './core.nl.json';
import coreEn from './core.en.json';
import screensNl from './screens.nl.json';
import screensEn from './screens.en.json';
import teamsEn from './teams.en.json';
import teamsNl from './teams.nl.json';
import authorEn from './author.en.json';
import authorNl from './author.nl.json';

const nl = { ...coreNl, ...screensNl };
const en = { ...coreEn, ...screensEn };

describe('oneFullStop', () => {
  it('ends a sentence on a title’s own ? ! . or … without a second full stop', () => {
    const open = (title: string) => oneFullStop(formatMessage(teamsNl.room.open_now, { scenario: title }));
    expect(open('Tankstation, ’s avonds: nog iets warms?')).toBe('Zaal open: Tankstation, ’s avonds: nog iets warms?');
    expect(open('Pas op!')).toBe('Zaal open: Pas op!');
    expect(open('Terras in de zon.')).toBe('Zaal open: Terras in de zon.');
    expect(open('En dan…')).toBe('Zaal open: En dan…');
    expect(open('Terras in de zon')).toBe('Zaal open: Terras in de zon.');
    expect(oneFullStop(formatMessage(teamsEn.room.open_now, { scenario: 'Fuel station, evening: anything hot?' }))).toBe('Room open: Fuel station, evening: anything hot?');
    // A right-to-left title is isolated: its mark stands before the closing isolate.
    expect(oneFullStop(formatMessage(teamsEn.room.open_now, { scenario: 'שלום?' }))).toBe('Room open: \u2068שלום?\u2069');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(formatMessage('Hallo {name}!', { name: 'Sanne' })).toBe('Hallo Sanne!');
    expect(formatMessage('Hallo {name}!', {})).toBe('Hallo {name}!');
  });

  it('chooses the plural branch with Intl.PluralRules and fills #', () => {
    const msg = '{n, plural, =0 {geen minuten} one {# minuut} other {# minuten}}';
    expect(formatMessage(msg, { n: 0 }, 'nl')).toBe('geen minuten');
    expect(formatMessage(msg, { n: 1 }, 'nl')).toBe('1 minuut');
    expect(formatMessage(msg, { n: 12 }, 'nl')).toBe('12 minuten');
  });

  it('formats numbers for the language', () => {
    expect(formatMessage('{n, plural, other {# runs}}', { n: 1500 }, 'en')).toBe('1,500 runs');
    expect(formatMessage('{n, plural, other {# potjes}}', { n: 1500 }, 'nl')).toBe('1.500 potjes');
  });

  it('supports select and nesting', () => {
    const msg = '{tone, select, fan {Fan met {n, plural, one {# ster} other {# sterren}}} other {Anders}}';
    expect(formatMessage(msg, { tone: 'fan', n: 2 }, 'nl')).toBe('Fan met 2 sterren');
    expect(formatMessage(msg, { tone: 'lost', n: 2 }, 'nl')).toBe('Anders');
  });

  it('counts an import report\'s problems without "0 warnings"', () => {
    expect(formatMessage(authorNl.report.has_errors, { errors: 1, warnings: 0 }, 'nl')).toMatch(/^1 fout\. Verbeter/);
    expect(formatMessage(authorNl.report.has_errors, { errors: 2, warnings: 1 }, 'nl')).toMatch(/^2 fouten en 1 waarschuwing\. /);
    expect(formatMessage(authorEn.report.has_errors, { errors: 1, warnings: 0 }, 'en')).toMatch(/^1 error\. Fix/);
    expect(formatMessage(authorEn.report.has_errors, { errors: 3, warnings: 2 }, 'en')).toMatch(/^3 errors and 2 warnings\. /);
  });

  it('says in the debrief how many players came to a decision with the verb agreeing in Dutch', () => {
    // "1 van 1 speler kwamen bij deze beslissing" on the trainer's debrief.
    expect(formatMessage(teamsNl.debrief.reached, { count: 1, runs: 1 }, 'nl')).toBe('1 van 1 speler kwam bij deze beslissing.');
    expect(formatMessage(teamsNl.debrief.reached, { count: 1, runs: 3 }, 'nl')).toBe('1 van 3 spelers kwam bij deze beslissing.');
    expect(formatMessage(teamsNl.debrief.reached, { count: 2, runs: 3 }, 'nl')).toBe('2 van 3 spelers kwamen bij deze beslissing.');
    expect(formatMessage(teamsEn.debrief.reached, { count: 1, runs: 3 }, 'en')).toBe('1 of 3 players came to this decision.');
  });

  it('leaves an unbalanced brace as text instead of throwing', () => {
    expect(formatMessage('Open {brace', {})).toBe('Open {brace');
  });
});

describe('core messages', () => {
  const keys = (o: object, p = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));

  it('the first bundle and the lazily loaded screens never define the same area', () => {
    for (const area of Object.keys(screensNl)) expect(Object.keys(coreNl)).not.toContain(area);
  });

  it('Dutch and English have the same keys', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it('keys are snake_case and carry no dots (dots separate the nesting)', () => {
    for (const k of keys(nl)) for (const part of k.split('.')) expect(part).toMatch(/^[a-z0-9_-]+$/);
  });

  it('Dutch words about the customer carry no gender and no straight apostrophe', () => {
    // Scenarios give a customer a name, never a grammatical gender: "Sandra is op z'n gemak" read
    // as "his ease". Every mood level must fit "{name} is …" and "{name} klinkt …" for anyone.
    const play = nl.play as Record<string, string>;
    const moods = Object.keys(play).filter((k) => k.startsWith('mood_') && k !== 'mood_label');
    expect(moods).toHaveLength(11);
    for (const [key, text] of Object.entries(play)) {
      expect(text, key).not.toMatch(/\b(z'n|z’n|zijn|haar|hem|hij)\b/i);
      expect(text, key).not.toContain("'");
    }
    expect(formatMessage(play.mood_label, { name: 'Sandra', mood: play.mood_1 })).toBe('Sandra is ontspannen');
  });

  it('the report names the dimensions as agreed', () => {
    expect([nl.report.warmth, nl.report.initiative, nl.report.outcome]).toEqual(['Warmte', 'Initiatief', 'Resultaat']);
    expect([en.report.warmth, en.report.initiative, en.report.outcome]).toEqual(['Warmth', 'Initiative', 'Outcome']);
  });
});

describe('the import log', () => {
  it('does not say "none completed" when no unfinished run was completed; it names one when it was', () => {
    // "no new runs, none completed, 2 already here" read as "nobody finished": the zero is left out.
    expect(formatMessage(teamsEn.import.outcome, { added: 0, updated: 0, skipped: 2, players: 0 }, 'en')).toBe('no new runs, 2 already here, no new players.');
    expect(formatMessage(teamsEn.import.outcome, { added: 1, updated: 1, skipped: 0, players: 1 }, 'en')).toBe('1 new run, 1 unfinished run completed, none already here, 1 new player.');
    expect(formatMessage(teamsNl.import.outcome, { added: 0, updated: 0, skipped: 2, players: 0 }, 'nl')).toBe('geen nieuwe rondes, 2 waren er al, geen nieuwe spelers.');
    expect(formatMessage(teamsNl.import.outcome, { added: 2, updated: 3, skipped: 0, players: 0 }, 'nl')).toBe('2 nieuwe rondes, 3 onafgemaakte rondes aangevuld, geen dubbele, geen nieuwe spelers.');
  });
});

describe('My results', () => {
  it('counts finished runs in Dutch as in English (an unfinished run is listed apart, under "Nog niet af")', () => {
    expect(formatMessage(teamsEn.history.summary, { name: 'Anouk', runs: 2, scenarios: 1 }, 'en')).toBe('Anouk: 2 finished runs in 1 scenario.');
    expect(formatMessage(teamsNl.history.summary, { name: 'Anouk', runs: 2, scenarios: 1 }, 'nl')).toBe('Anouk: 2 afgemaakte rondes in 1 scenario.');
    expect(formatMessage(teamsNl.history.summary, { name: 'Anouk', runs: 1, scenarios: 1 }, 'nl')).toBe('Anouk: 1 afgemaakte ronde in 1 scenario.');
  });
});

describe('words a new hire reads', () => {
  const teams = { nl: teamsNl, en: teamsEn };
  const all = (files: unknown[]): string[] =>
    files.flatMap(function walk(v: unknown): string[] {
      return typeof v === 'string' ? [v] : typeof v === 'object' && v ? Object.values(v).flatMap(walk) : [];
    });

  it('two of a thing are “beide”/“both”, not “alle 2”/“all 2”', () => {
    const show = (lang: 'nl' | 'en', count: number) => formatMessage({ nl, en }[lang].report.path_show, { count }, lang);
    expect([1, 2, 3].map((n) => show('nl', n))).toEqual(['Toon de beslissing', 'Toon beide beslissingen', 'Toon alle 3 beslissingen']);
    expect([1, 2, 3].map((n) => show('en', n))).toEqual(['Show the decision', 'Show both decisions', 'Show all 3 decisions']);
    const tried = (lang: 'nl' | 'en', count: number) => formatMessage(teams[lang].history.attempts, { count }, lang);
    expect([1, 2, 3].map((n) => tried('nl', n))).toEqual(['1 poging', 'Beide pogingen', 'Alle 3 pogingen']);
    expect([1, 2, 3].map((n) => tried('en', n))).toEqual(['1 attempt', 'Both attempts', 'All 3 attempts']);
  });

  it('each mode has one name per language: on the badge, the mode screen, the report and the team screens', () => {
    // "Coaching" on the badge, "Oefenen met coaching" on the mode screen, "Oefenen" in My results.
    for (const [lang, names] of [['nl', ['Oefenen', 'Toets']], ['en', ['Practice', 'Assessment']]] as const) {
      const m = { nl, en }[lang];
      expect([m.play.mode_coaching, m.play.mode_assessment]).toEqual(names);
      expect([m.mode.coaching, m.mode.assessment]).toEqual(names);
      expect([teams[lang].mode.coaching, teams[lang].mode.assessment]).toEqual(names);
    }
    const en_ = all([coreEn, screensEn, teamsEn, authorEn]);
    const nl_ = all([coreNl, screensNl, teamsNl, authorNl]);
    expect([...en_, ...nl_].filter((s) => /coaching/i.test(s))).toEqual([]);
    expect(en_.filter((s) => /practi[cs]e run/.test(s)).length).toBeGreaterThan(0);
  });

  it('the badge says what its mode means, for a player who came by a link and never saw the mode screen', () => {
    expect(nl.play.mode_coaching_hint).toBe('Na elke keuze zie je wat die deed en waarom.');
    expect(en.play.mode_coaching_hint).toBe('After each choice you see what it did and why.');
    expect(nl.play.mode_assessment_hint).toMatch(/telt mee/);
    expect(en.play.mode_assessment_hint).toMatch(/counts/);
  });

  it('the report names an ending by what happened to the customer, not “lost” (the player did not lose)', () => {
    expect([nl.report.tone_fan, nl.report.tone_neutral, nl.report.tone_lost]).toEqual(['Klant wordt fan', 'Klant geholpen', 'Klant weg']);
    expect([en.report.tone_fan, en.report.tone_neutral, en.report.tone_lost]).toEqual(['Customer becomes a fan', 'Customer helped', 'Customer gone']);
  });

  it('the hand-in code’s choices are signed by “this device” (a laptop too), and a guest’s holds no name', () => {
    const privacy = (lang: 'nl' | 'en', guest: string) => formatMessage(teams[lang].handin.privacy, { guest, name: lang === 'nl' ? 'Gast' : 'Guest' }, lang);
    // What is signed is said exactly: the choices and their times, not the name or team (fresh eyes).
    expect(privacy('nl', 'no')).toMatch(/^De code bevat je naam, team, keuzes en hun tijden\. Je keuzes en hun tijden zijn ondertekend door dit apparaat, /);
    expect(privacy('en', 'no')).toMatch(/^The code holds your name, team, choices and their times\. Your choices and their times are signed by this device, /);
    expect(privacy('nl', 'yes')).toMatch(/^De code bevat geen naam \(alleen ‘Gast’\), wel je keuzes en hun tijden/);
    expect(privacy('en', 'yes')).toMatch(/^The code holds no name \(only “Guest”\), just your choices and their times/);
    expect(privacy('nl', 'none')).toMatch(/^De code bevat geen naam, wel je keuzes/);
    for (const lang of ['nl', 'en'] as const) for (const g of ['no', 'yes', 'none']) expect(privacy(lang, g)).not.toMatch(/telefoon|phone/);
  });

  it('a results file’s import says names and teams are not signed, and what becomes of them', () => {
    expect(teams.nl.import.file_intro).toMatch(/Namen en teams zijn niet ondertekend: .* wie er al is houdt de naam en het team van hier\.$/);
    expect(teams.en.import.file_intro).toMatch(/Names and teams are not signed: .* one already here keeps its name and team from here\.$/);
  });
});

describe('the authoring summary', () => {
  it('says "1 beslissing" for a one-decision story, and "2–3 beslissingen" for a range', () => {
    const nl = authorNl.report.summary;
    const en = authorEn.report.summary;
    expect(formatMessage(nl, { nodes: 1, endings: 2, path: '1', pathCount: 1 }, 'nl')).toBe('1 beslissing, 2 eindes; 1 beslissing van begin tot eind.');
    expect(formatMessage(nl, { nodes: 4, endings: 3, path: '2–3', pathCount: 3 }, 'nl')).toBe('4 beslissingen, 3 eindes; 2–3 beslissingen van begin tot eind.');
    expect(formatMessage(en, { nodes: 1, endings: 1, path: '1', pathCount: 1 }, 'en')).toBe('1 decision, 1 ending; 1 decision from start to end.');
  });
});
