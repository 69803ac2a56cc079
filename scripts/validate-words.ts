/**
 * The words of the validator CLI (scripts/validate.ts) itself, in English and Dutch: its own
 * problems (a missing file, a scenario id used twice), the summary of a valid file and the
 * totals. The problems inside a file come from the engine's catalogs (src/engine/messages-*.ts).
 */
import type { Lang } from '../src/engine/types';
import type { NaiveOutcome, ScenarioSummary, TestWisenessSummary } from '../src/engine/contract';

export interface CliWords {
  fileMissing: string;
  noSuchPath: string;
  unreadable(detail: string): string;
  duplicateId(id: string, file: string): string;
  /** The summary lines of a valid file (after its first line). */
  summary(s: ScenarioSummary, minutes: number, ranges: string): string[];
  valid(file: string, title: string | undefined, id: string): string;
  dimension(d: string, min: number, max: number): string;
  /** The test-wiseness lines of a valid file's summary. */
  testWiseness(tw: TestWisenessSummary): string[];
  totals(files: number, valid: number, errors: number, warnings: number): string;
  error: string;
  warning: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const percent = (share: number) => `${Math.round(share * 100)}%`;
/** "nl: …; en: …" over the languages of a per-language record ("—" when it is empty). */
function perLang<T>(record: Partial<Record<Lang, T>>, words: (value: T) => string): string {
  const parts = (Object.entries(record) as [Lang, T][]).map(([lang, v]) => `${lang}: ${words(v)}`);
  return parts.length ? parts.join('; ') : '—';
}

const en: CliWords = {
  fileMissing: 'This file does not exist (check the spelling and the folder).',
  noSuchPath: 'No such file or folder: check the spelling and the folder you run the command from.',
  unreadable: (detail) => `This file could not be read (${detail}).`,
  duplicateId: (id, file) => `This scenario has the id "${id}", like ${file}: every scenario needs its own id. Change "id" in one of them.`,
  valid: (file, title, id) => `${file}: valid — ${title ? `"${title}" ` : ''}(${id})`,
  summary: (s, minutes, ranges) => [
    `  ${plural(s.nodes, 'node', 'nodes')}: ${plural(s.decisions, 'decision', 'decisions')} (${s.timedDecisions} timed) and ${plural(s.endings, 'ending', 'endings')}`,
    `  ${s.averageOptions.toFixed(1)} options per decision on average; ${s.conditionalBranches} conditional ${s.conditionalBranches === 1 ? 'branch' : 'branches'} (options or routes that depend on mood or flags)`,
    `  paths: ${s.shortestPath === s.longestPath ? `always ${plural(s.shortestPath, 'decision', 'decisions')}` : `${s.shortestPath} to ${s.longestPath} decisions`}; about ${plural(minutes, 'minute', 'minutes')}${s.estimatedMinutes === undefined ? ' (estimated from the path length)' : ''}`,
    `  languages: ${s.languages.join(', ')}`,
    `  raw score range per dimension (the game turns it into 0–100): ${ranges}`,
  ],
  dimension: (d, min, max) => `${d} ${min} to ${max}`,
  testWiseness: (tw) => {
    const end = (o: NaiveOutcome) => `ending "${o.ending}" (${o.tone}), overall ${o.overall}`;
    return [
      `  always the longest option — ${perLang(tw.longest, end)}`,
      `  always the shortest option — ${perLang(tw.shortest, end)}`,
      `  a random player (${tw.random.runs} runs) — overall ${tw.random.meanOverall.toFixed(1)} on average, ${percent(tw.random.fanShare)} reach a fan ending`,
      `  the longest option is a top-scoring one — ${perLang(tw.longestBest, (c) => `in ${c.count} of ${plural(c.decisions, 'decision', 'decisions')} (${percent(c.share)})`)}`,
    ];
  },
  totals: (files, valid, errors, warnings) => `${plural(files, 'file', 'files')}: ${valid} valid, ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}`,
  error: 'error',
  warning: 'warning',
};

const DIMENSIONS_NL: Record<string, string> = { warmth: 'warmte', initiative: 'initiatief', outcome: 'uitkomst' };
/** The tones as the map names them (src/i18n/author.nl.json). */
const TONES_NL: Record<string, string> = { fan: 'fan', neutral: 'neutraal', lost: 'kwijt' };

const nl: CliWords = {
  fileMissing: 'Dit bestand bestaat niet (kijk de spelling en de map na).',
  noSuchPath: 'Dit bestand of deze map bestaat niet: kijk de spelling na, en de map waarin je de opdracht geeft.',
  unreadable: (detail) => `Dit bestand kon niet worden gelezen (${detail}).`,
  duplicateId: (id, file) => `Dit scenario heeft de id "${id}", net als ${file}: elk scenario heeft een eigen id nodig. Verander "id" in een van beide.`,
  valid: (file, title, id) => `${file}: in orde — ${title ? `"${title}" ` : ''}(${id})`,
  summary: (s, minutes, ranges) => [
    `  ${plural(s.nodes, 'knooppunt', 'knooppunten')}: ${plural(s.decisions, 'beslissing', 'beslissingen')} (${s.timedDecisions} met tijdslimiet) en ${plural(s.endings, 'einde', 'eindes')}`,
    `  gemiddeld ${s.averageOptions.toFixed(1).replace('.', ',')} opties per beslissing; ${plural(s.conditionalBranches, 'voorwaardelijke vertakking', 'voorwaardelijke vertakkingen')} (opties of routes die van stemming of vlaggen afhangen)`,
    `  wegen: ${s.shortestPath === s.longestPath ? `altijd ${plural(s.shortestPath, 'beslissing', 'beslissingen')}` : `${s.shortestPath} tot ${s.longestPath} beslissingen`}; ongeveer ${plural(minutes, 'minuut', 'minuten')}${s.estimatedMinutes === undefined ? ' (geschat uit de lengte van de wegen)' : ''}`,
    `  talen: ${s.languages.join(', ')}`,
    `  ruwe score per dimensie (het spel maakt er 0–100 van): ${ranges}`,
  ],
  dimension: (d, min, max) => `${DIMENSIONS_NL[d] ?? d} ${min} tot ${max}`,
  testWiseness: (tw) => {
    const end = (o: NaiveOutcome) => `einde "${o.ending}" (${TONES_NL[o.tone]}), totaalscore ${o.overall}`;
    return [
      `  altijd de langste optie — ${perLang(tw.longest, end)}`,
      `  altijd de kortste optie — ${perLang(tw.shortest, end)}`,
      `  een willekeurige speler (${tw.random.runs} keer) — gemiddelde totaalscore ${tw.random.meanOverall.toFixed(1).replace('.', ',')}, ${percent(tw.random.fanShare)} haalt een fan-einde`,
      `  de langste optie scoort het best — ${perLang(tw.longestBest, (c) => `bij ${c.count} van ${plural(c.decisions, 'beslissing', 'beslissingen')} (${percent(c.share)})`)}`,
    ];
  },
  totals: (files, valid, errors, warnings) =>
    `${plural(files, 'bestand', 'bestanden')}: ${valid} in orde, ${plural(errors, 'fout', 'fouten')}, ${plural(warnings, 'waarschuwing', 'waarschuwingen')}`,
  error: 'fout',
  warning: 'waarschuwing',
};

/** The CLI's words in each language. */
export const CLI_WORDS: Record<Lang, CliWords> = { en, nl };
