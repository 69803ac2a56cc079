/**
 * The app's shared state: the store (IndexedDB or memory, opened once), the settings, the
 * players and teams on this device, the current player, the language and storage problems.
 * One instance, `app`, used by every screen (also by the teams and author screens).
 */
import { MediaQuery } from 'svelte/reactivity';
import { catalog } from 'virtual:scenario-catalog';
import { openStore } from '../../persistence';
import { earlierOf, trustEarlierVersions } from '../../persistence/earlier-versions';
import { DEFAULT_SETTINGS, type Profile, type Settings, type StorageIssue, type Store, type Team } from '../../persistence/api';
import type { Lang, Run } from '../../engine/types';
import { detectLang, locale } from '../../i18n';
import { route } from './route.svelte';
import { readSoundHint, writeBootHint } from './boot-hint';
import { nextGuestNumber } from '../../persistence/guest-numbers';
import { listedOnWho, readPlayerHint, writePlayerHint, writeWhoHint } from './who-hint';
import { lrs } from './lrs.svelte';
import { cleanName, nameKey } from '../../i18n/untrusted';

import { newId } from './ids';

export { newId };

/** `?storage=memory` (or localStorage frontlijn-storage=memory) plays without IndexedDB: for tests. */
function wantsMemoryStore(): boolean {
  try {
    return /[?&]storage=memory\b/.test(location.search + location.hash) || localStorage.getItem('frontlijn-storage') === 'memory';
  } catch {
    return false;
  }
}

/** Read once, as the app starts. */
const hinted = typeof window !== 'undefined' ? readPlayerHint() : null;
const hintedSound = typeof window !== 'undefined' ? readSoundHint() : true;

const systemReducedMotion = typeof window !== 'undefined' ? new MediaQuery('prefers-reduced-motion: reduce', false) : null;

export class AppState {
  /** Null until the store has opened (a few milliseconds after start). */
  store = $state.raw<Store | null>(null);
  settings = $state.raw<Settings>({ ...DEFAULT_SETTINGS });
  profiles = $state.raw<Profile[]>([]);
  teams = $state.raw<Team[]>([]);
  /** Storage problems to show in the banner, newest last. */
  issues = $state.raw<StorageIssue[]>([]);

  currentPlayer = $derived(this.profiles.find((p) => p.id === this.settings.currentPlayerId) ?? null);
  /**
   * Who was playing when the app last knew (who-hint.ts), until the store has opened: the header
   * names them at once, as the page before the app did (src/boot/boot.ts), instead of nobody.
   */
  hintedPlayer = $derived(this.store ? null : hinted);
  /**
   * Sound pressed on or off before the store had opened (the header's button, also on the page
   * before the app, src/boot/boot.ts): shown at once, saved once the stored settings are read.
   */
  #soundChosen = $state<boolean | null>(null);
  /**
   * Whether sound is on, as the header shows it: until the store has opened, as the settings were
   * when the app last knew (boot-hint.ts), so a muted player's header shows muted from the start,
   * as the page before the app did.
   */
  soundOn = $derived(this.#soundChosen ?? (this.store ? this.settings.sound : hintedSound));
  /** The players the who-screen lists (see who-hint.ts). */
  listed = $derived(listedOnWho(this.profiles, this.settings.currentPlayerId));
  reducedMotion = $derived(
    this.settings.reducedMotion === 'on' || (this.settings.reducedMotion === 'system' && (systemReducedMotion?.current ?? false)),
  );

  #ready: Promise<Store> | null = null;
  #settled: Promise<Store> | null = null;
  #unsubscribe: (() => void) | null = null;

  /** Opens the store once and loads settings and people; every caller awaits the same promise. */
  ready(): Promise<Store> {
    this.#ready ??= this.#open();
    return this.#ready;
  }

  /**
   * The store once the runs that an older release of the app kept apart for a trainer's decision,
   * played on what this release knows as its own earlier versions of a built-in, count
   * (earlier-versions.ts). That is done once, as the store opens, but not on the way to the first
   * decision: whatever lists, scores or imports results waits for this instead of ready().
   */
  async settled(): Promise<Store> {
    await this.ready();
    return this.#settled!;
  }

  async #open(): Promise<Store> {
    const { store, issue } = await openStore({ memory: wantsMemoryStore() });
    if (issue) this.#report(issue);
    this.#unsubscribe?.();
    this.#unsubscribe = store.onIssue((i) => this.#report(i));
    const [settings, profiles, teams] = await Promise.all([
      store.getSettings().catch(() => ({ ...DEFAULT_SETTINGS })),
      store.listProfiles().catch(() => []),
      store.listTeams().catch(() => []),
    ]);
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.profiles = profiles;
    this.teams = teams;
    this.store = store;
    this.#noteListed();
    // xAPI: a launch link or the LRS saved in Settings (nothing is queued or sent without one).
    void lrs.init(store);
    const lang = settings.lang ?? locale.cached() ?? detectLang(typeof navigator !== 'undefined' ? navigator.languages : undefined);
    if (lang !== locale.lang) locale.set(lang);
    // Not awaited here: see settled().
    this.#settled = trustEarlierVersions(store, earlierOf(catalog)).then(
      () => store,
      () => store,
    );
    // Off the way to the first decision: the hint only matters for the next visit.
    setTimeout(() => void this.refreshBootHint(), 2000);
    return store;
  }

  /**
   * Tells the boot script (src/boot/boot.ts) which scenario a direct link would resume for the
   * current player, the timer speed and whether sound is off, so it never shows a first decision
   * or a header the app would not show.
   */
  async refreshBootHint(): Promise<void> {
    // Off the player's way: when the page is next idle.
    await new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0)));
    const store = await this.ready();
    const run = await store.unfinishedRun(this.settings.currentPlayerId ?? null).catch(() => undefined);
    writeBootHint({ open: run && !run.startNode ? run.scenarioId : null, timerScale: this.settings.timerScale, sound: this.settings.sound });
  }

  /**
   * A run has just been stored with its first event: tells the boot script at once, not when the
   * page is next idle, so that a reload straight after resumes the run instead of first offering
   * a new run's "Begin" (a busy phone may not be idle before the player reloads).
   */
  noteRunStored(run: Run): void {
    writeBootHint({ open: run.startNode ? null : run.scenarioId, timerScale: this.settings.timerScale, sound: this.settings.sound });
  }

  /**
   * Remembers for the next visit how many players `/` lists (the room it keeps for them) and who
   * is playing (the pre-rendered header's name).
   */
  #noteListed(): void {
    writeWhoHint(this.listed.length);
    writePlayerHint(this.currentPlayer);
  }

  #report(issue: StorageIssue): void {
    this.issues = [...this.issues.filter((i) => i.kind !== issue.kind), issue];
  }

  dismissIssue(kind: StorageIssue['kind']): void {
    this.issues = this.issues.filter((i) => i.kind !== kind);
  }

  /** Changes settings now and saves them (a failed save is reported by the store's issues). */
  async updateSettings(patch: Partial<Settings>): Promise<void> {
    this.settings = { ...this.settings, ...patch };
    if ('currentPlayerId' in patch) this.#noteListed();
    const store = await this.ready();
    await store.saveSettings(this.settings).catch((e) => console.warn('settings not saved', e));
    if ('currentPlayerId' in patch || 'timerScale' in patch || 'sound' in patch) void this.refreshBootHint();
  }

  /**
   * Turns sound on or off and remembers it. Before the store has opened (a tap on a slow phone, or
   * on the page before the app) the header shows it at once and it is saved once the stored
   * settings are read, which would otherwise replace it.
   */
  setSound(on: boolean): void {
    this.#soundChosen = on;
    void this.ready().then(() => {
      // Taps that came before this one was saved are saved with it (the last one wins), once.
      const chosen = this.#soundChosen;
      if (chosen === null) return;
      this.#soundChosen = null;
      return this.updateSettings({ sound: chosen });
    });
  }

  /** Switches the UI language at once and remembers it. */
  setLang(lang: Lang): Promise<void> {
    locale.set(lang);
    return this.updateSettings({ lang });
  }

  get lang(): Lang {
    return locale.lang;
  }

  async refreshPeople(): Promise<void> {
    const store = await this.ready();
    const [profiles, teams] = await Promise.all([store.listProfiles(), store.listTeams()]);
    this.profiles = profiles;
    this.teams = teams;
    this.#noteListed();
  }

  /**
   * The team already called this (ignoring case, spaces and invisible characters), other than
   * `except`: two such teams could not be told apart in a team list, so a name is refused then.
   */
  teamNamed(name: string, except?: string): Team | undefined {
    const key = nameKey(name);
    return key ? this.teams.find((x) => x.id !== except && nameKey(x.name) === key) : undefined;
  }

  /** Creates a team; throws when a team of that name is here already (see teamNamed). */
  async createTeam(name: string): Promise<Team> {
    if (this.teamNamed(name)) throw new Error(`There is already a team called ${name}`);
    const store = await this.ready();
    const team: Team = { id: newId(), name: cleanName(name) ?? '?', createdAt: Date.now() };
    await store.saveTeam(team);
    this.teams = [...this.teams, team];
    return team;
  }

  /** Gives a team another name; throws when another team is called that already (see teamNamed). */
  async renameTeam(id: string, name: string): Promise<void> {
    const old = this.teams.find((x) => x.id === id);
    const clean = cleanName(name);
    if (!old || !clean) return;
    if (this.teamNamed(clean, id)) throw new Error(`There is already a team called ${clean}`);
    const store = await this.ready();
    const team: Team = { ...old, name: clean };
    await store.saveTeam(team);
    this.teams = this.teams.map((x) => (x.id === id ? team : x));
  }

  /** Makes sure a team with this id exists here (a room link names the facilitator's team). */
  async ensureTeam(id: string, name: string): Promise<Team> {
    const store = await this.ready();
    const known = this.teams.find((t) => t.id === id);
    if (known) return known;
    const team: Team = { id, name: cleanName(name) ?? '?', createdAt: Date.now() };
    await store.saveTeam(team);
    this.teams = [...this.teams, team];
    return team;
  }

  /** Creates a player profile and makes it the current player. */
  async createProfile(name: string, teamId: string | null, guest = false): Promise<Profile> {
    const store = await this.ready();
    // A guest's number is given here, once (guest-numbers.ts): "Gast 3" on every screen from now on.
    // Never one a guest here gave up (deleted or named): a trainer's "Gast 5" stays that person.
    const retired = guest ? await store.retiredGuestNumber() : 0;
    const profile: Profile = { id: newId(), name: cleanName(name) ?? '?', teamId, createdAt: Date.now(), ...(guest ? { guest: true, guestNumber: nextGuestNumber(this.profiles, retired) } : {}) };
    await store.saveProfile(profile);
    this.profiles = [...this.profiles, profile];
    this.#noteListed();
    await this.selectPlayer(profile.id);
    return profile;
  }

  /** Renames a profile (a guest named afterwards stops being a guest). */
  async renameProfile(id: string, name: string, teamId?: string | null): Promise<void> {
    const store = await this.ready();
    const old = this.profiles.find((p) => p.id === id);
    if (!old) return;
    const { guest: _guest, guestNumber: _number, ...rest } = old;
    const profile: Profile = { ...rest, name: cleanName(name) ?? old.name, teamId: teamId === undefined ? old.teamId : teamId };
    await store.saveProfile(profile);
    this.profiles = this.profiles.map((p) => (p.id === id ? profile : p));
    this.#noteListed();
  }

  selectPlayer(id: string | null): Promise<void> {
    return this.updateSettings({ currentPlayerId: id });
  }

  /** The current player, creating an unnamed guest when nobody is playing yet (direct links). */
  async ensurePlayer(guestName: string): Promise<Profile> {
    await this.ready();
    return this.currentPlayer ?? this.createProfile(guestName, null, true);
  }

  teamName(teamId: string | null): string | null {
    return this.teams.find((t) => t.id === teamId)?.name ?? null;
  }

  navigate(hash: string, replace = false): void {
    route.navigate(hash, replace);
  }
}

export const app = new AppState();
