/**
 * What the teams screens share: their messages (registered once when the first of them loads),
 * scenario titles in the current language, dimension labels and colours, and a small loader of
 * result rows from the store that records how long it took ('frontlijn:leaderboard').
 */
import { registerMessages, t, currentLang, dateLocale } from '../../../i18n';
import { t as textOf } from '../../../engine/text';
import type { RunResult, Team } from '../../../persistence/api';
import { app } from '../../state/app.svelte';
import { lrsGuestLabel, playerLabel } from '../../state/player-label';
import { scenarios } from '../../state/scenarios.svelte';
import { comparable } from '../../../persistence/stats';
import { firstScenario, readChosen } from './first-scenario';
import nl from '../../../i18n/teams.nl.json';
import en from '../../../i18n/teams.en.json';

registerMessages('teams', { nl, en });

export const DIMS = ['warmth', 'initiative', 'outcome', 'overall'] as const;
export type Dim = (typeof DIMS)[number];

export function dimLabel(d: Dim): string {
  return t(`teams.dim.${d}`);
}

/** The scenario's title in the UI language, or its id when it is not known here. */
export function scenarioTitle(id: string): string {
  const e = scenarios.entries.find((s) => s.id === id);
  return e ? textOf(e.title, currentLang()) || id : id;
}

/** The scenario ids in the order of their titles in the UI language (as a person looks for one). */
export function byTitle(ids: string[]): string[] {
  const lang = currentLang();
  return [...ids].sort((a, b) => scenarioTitle(a).localeCompare(scenarioTitle(b), lang));
}

/** Every scenario id: known ones first (in catalog order), then ids only seen in results. */
export function scenarioIds(results: RunResult[]): string[] {
  // A Set: the ids come from stored data, and a select keyed by id must never see one twice.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local set, not UI state
  const ids = new Set(scenarios.entries.map((e) => e.id));
  for (const r of results) ids.add(r.scenarioId);
  return [...ids];
}

const LAST_SCENARIO = 'frontlijn-teams-scenario';

/**
 * The scenarios to choose from (built-in and custom), by title, and the one to show first (see
 * firstScenario): the route's, else the newer of the trainer's last choice and the scenario of the
 * latest run that counts (of `team`'s players, when a team is shown), else the first. The latest
 * run is read newest first, never every result.
 */
export async function scenarioChoice(wanted: string | undefined, team?: string): Promise<{ ids: string[]; first: string }> {
  const store = await app.ready();
  await scenarios.refresh().catch(() => undefined);
  const ids = byTitle(scenarioIds([]));
  if (wanted && ids.includes(wanted)) return { ids, first: wanted };
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(LAST_SCENARIO);
  } catch {
    /* storage refused: no memory of the last choice */
  }
  const players = team ? app.profiles.filter((p) => p.teamId === team).map((p) => p.id) : null;
  const latest = await store
    .latestResult((r) => comparable(r) && ids.includes(r.scenarioId) && (!players || players.includes(r.playerId!)))
    .catch(() => undefined);
  return { ids, first: firstScenario(ids, undefined, readChosen(chosen), latest) };
}

/** Remembers the scenario the trainer chose (in a teams view's list, or for a room), and when. */
export function rememberScenario(id: string, now = Date.now()): void {
  try {
    if (id) localStorage.setItem(LAST_SCENARIO, JSON.stringify({ id, at: now }));
  } catch {
    /* not remembered: harmless */
  }
}

const LAST_TEAM = 'frontlijn-room-team';

/**
 * The team a new room starts with: the one created last or last chosen for a room, whichever was
 * later ('' for "No team" when that was chosen last, or when there is no team).
 */
export function recentTeam(teams: Team[]): string {
  let used: { id: string; at: number } | null = null;
  try {
    const v: unknown = JSON.parse(localStorage.getItem(LAST_TEAM) ?? 'null');
    if (v && typeof v === 'object' && 'id' in v && 'at' in v && typeof v.id === 'string' && typeof v.at === 'number') used = { id: v.id, at: v.at };
  } catch {
    /* storage refused or garbled: only the newest team counts */
  }
  const usedId = used?.id;
  if (usedId && !teams.some((x) => x.id === usedId)) used = null;
  const newest = teams.reduce<Team | null>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), null);
  if (newest && (!used || newest.createdAt > used.at)) return newest.id;
  return used?.id ?? '';
}

/** Remembers the team (or '' for none) a room was opened for, for the next room. */
export function rememberTeam(id: string, now = Date.now()): void {
  try {
    localStorage.setItem(LAST_TEAM, JSON.stringify({ id, at: now }));
  } catch {
    /* not remembered: harmless */
  }
}

/** The player of this device with this id as the screens name them ("Gast 3"); `otherwise` for none. */
export function playerName(id: string | null, otherwise?: string): string {
  const p = app.profiles.find((x) => x.id === id);
  return p ? playerLabel(p) : (otherwise ?? t('teams.unknown_player'));
}

/**
 * A player of a board or roster read from the LRS: as this device names them where they are a
 * player here (their guest number here too), else by the name the LRS gives; a guest, who is sent
 * without a name, as "Gast (K7Q2)" (player-label.ts).
 */
export function lrsPlayerName(id: string, from: { name: string; guest?: boolean } | undefined): string {
  if (app.profiles.some((x) => x.id === id)) return playerName(id);
  return !from || from.guest ? lrsGuestLabel(id) : from.name;
}

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/**
 * Loads the result rows: all of them, or one scenario's or one player's (see measureSince for
 * timing), and the players and teams with them: a player made in another tab of this browser (a
 * room's link opened on the laptop) is then known here too, not hidden as a deleted player's.
 */
export async function loadResults(filter: { scenarioId?: string; playerId?: string } = {}): Promise<RunResult[]> {
  const store = await app.settled();
  const [rows] = await Promise.all([store.listResults(filter), app.refreshPeople()]);
  return rows;
}

/** Marks the time from `start` as a performance measure (read by scripts/bench-storage.ts). */
export function measureSince(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    /* measuring never breaks a screen */
  }
}

/** Copies text to the clipboard; true when it worked (the browser may refuse). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
