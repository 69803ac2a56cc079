/**
 * What an import does with the people and scenario versions it brings, decided the same way by
 * both stores (idb.ts, memory.ts) inside their import. Pure apart from the look-ups passed in.
 *
 * Players: ids travel in every export, link and QR code, so an id alone proves nothing. A run
 * joins a player here only when the id and the name agree; otherwise it is filed under a player
 * of its own, with an id derived from the id and the name (so importing the same file again
 * finds that same player instead of making another).
 *
 * Versions: a run counts (gets a result row) only on a version this device trusts; the notes
 * say, per version, whether it was trusted, new (stored apart) or already waiting.
 */
import type { Run } from '../engine/types';
import type { DeviceNote, ImportBundle, ImportOutcome, PlayerNote, Profile, RunNote, StoredScenario, Team, VersionNote } from './api';

/** A short, stable tag of a name (FNV-1a, base 36): only to tell apart ids, not a secret. */
function tag(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export interface PlayerPlan {
  /** The runs with their player ids as they are stored here. */
  runs: Run[];
  /** The profiles to add (ids not yet here). */
  profiles: Profile[];
  notes: PlayerNote[];
}

/**
 * Files the runs and profiles of an import under players of this device. `here` looks a player
 * up by id (in the import's transaction).
 */
export async function planPlayers(bundle: ImportBundle, here: (id: string) => Promise<Profile | undefined>): Promise<PlayerPlan> {
  const given = new Map(bundle.profiles.map((p) => [p.id, p]));
  const runsOf = new Map<string, number>();
  for (const r of bundle.runs) if (r.playerId !== null) runsOf.set(r.playerId, (runsOf.get(r.playerId) ?? 0) + 1);
  const ids = [...new Set([...given.keys(), ...runsOf.keys()])];
  const storedAs = new Map<string, string>();
  const profiles: Profile[] = [];
  const notes: PlayerNote[] = [];
  for (const id of ids) {
    const p = given.get(id);
    const name = p?.name ?? '?';
    const runs = runsOf.get(id) ?? 0;
    const holder = await here(id);
    if (!holder) {
      storedAs.set(id, id);
      if (p) profiles.push(p);
      if (p) notes.push({ id, name, storedAs: id, kind: 'added', runs });
      continue;
    }
    if (p && holder.name === p.name) {
      storedAs.set(id, id);
      notes.push({ id, name, storedAs: id, kind: 'joined', runs });
      continue;
    }
    // The id is someone else's here: a player of their own, found again on a later import.
    let own = `${id.slice(0, 80)}.${tag(name)}`;
    for (let i = 1; ; i++) {
      const taken = await here(own);
      if (!taken || taken.name === name || i > 20) {
        if (!taken) profiles.push({ ...p, id: own, name, teamId: p?.teamId ?? null, createdAt: p?.createdAt ?? 0 });
        break;
      }
      own = `${id.slice(0, 80)}.${tag(`${name}\u0000${i}`)}`;
    }
    storedAs.set(id, own);
    notes.push({ id, name, storedAs: own, kind: 'separate', holder: holder.guest ? undefined : holder.name, runs });
  }
  const runs = bundle.runs.map((r) => (r.playerId !== null && storedAs.get(r.playerId) !== r.playerId ? refiled(r, storedAs.get(r.playerId)!) : r));
  return { runs, profiles, notes };
}

/**
 * A run filed under another player id here. Its signature covers the id it was played under, so
 * it is dropped: a verified run is this device's word from now on (signed by it on export), an
 * unverified one stays unverified.
 */
function refiled({ signature: _, ...run }: Run, playerId: string): Run {
  return { ...run, playerId };
}

/**
 * Who of a plan comes in with the runs an import writes (`written`: added or completed): a player
 * with such a run, and the team the file gives such a player. A run not taken (here already, or
 * told otherwise here) brings no one: its player is not added, nor named as added or filed apart
 * (`notes` keeps the players here already, and those who come in).
 */
export function withRunsTaken(bundle: ImportBundle, plan: PlayerPlan, written: Run[]): { profiles: Profile[]; teams: Team[]; notes: PlayerNote[] } {
  const ids = new Set(written.map((r) => r.playerId));
  const profiles = plan.profiles.filter((p) => ids.has(p.id));
  const notAdded = new Set(plan.profiles.filter((p) => !ids.has(p.id)).map((p) => p.id));
  const fileIds = new Set(plan.notes.filter((n) => ids.has(n.storedAs)).map((n) => n.id));
  const teamIds = new Set(bundle.profiles.filter((p) => fileIds.has(p.id)).map((p) => p.teamId));
  return { profiles, teams: bundle.teams.filter((t) => teamIds.has(t.id)), notes: plan.notes.filter((n) => !notAdded.has(n.storedAs)) };
}

/** One note per version the import brought: trusted here, new (stored apart), or already waiting. */
export function versionNotes(bundle: ImportBundle, before: Map<string, StoredScenario | undefined>): VersionNote[] {
  const runs = new Map<string, number>();
  for (const r of bundle.runs) runs.set(r.scenarioHash, (runs.get(r.scenarioHash) ?? 0) + 1);
  return bundle.scenarios.map((s) => {
    const known = before.get(s.hash);
    const status: VersionNote['status'] = known ? (known.untrusted ? 'pending' : 'trusted') : s.untrusted ? 'new' : 'trusted';
    return { hash: s.hash, id: s.id, title: s.scenario.title, builtInId: !s.custom, status, runs: runs.get(s.hash) ?? 0 };
  });
}

/** An import's outcome before anything is counted: its version notes and player notes, all counts 0. */
export function startOutcome(bundle: ImportBundle, before: Map<string, StoredScenario | undefined>, players: PlayerNote[]): ImportOutcome {
  const counts = { runsAdded: 0, runsUpdated: 0, runsSkipped: 0, runsConflicting: 0, profilesAdded: 0, teamsAdded: 0, scenariosAdded: 0, runsApart: 0, runsUnverified: 0, runsNowVerified: 0 };
  return { ...counts, versions: versionNotes(bundle, before), players, devices: [], refusedHere: [] };
}

/** A run as the import log names it: by its player's name, or as a guest (with their number, where one is given). */
export function runNote(run: Run, profiles: readonly Profile[]): RunNote {
  const p = profiles.find((x) => x.id === run.playerId);
  return { runId: run.id, name: p && !p.guest ? p.name : '?', scenario: run.scenarioId, playerId: run.playerId, ...(p?.guest ? numbered(p) : {}) };
}

/** A guest's number, as a field to spread (none for a guest from before numbers). */
export const numbered = (p: Profile): { guestNumber?: number } => (p.guestNumber === undefined ? {} : { guestNumber: p.guestNumber });

/**
 * Of the runs an import left out (`ids`: changed after they were played), those whose genuine copy
 * is here: finished, and not unverified (signed where it was played, or played on this device).
 * A fresh export would bring nothing more, so the log need not ask for one. Named as the copy here
 * gives them (its player, not the one the changed copy claims). `run` and `profile` look up by id
 * (in the import's transaction).
 */
export async function refusedHere(
  ids: string[],
  run: (id: string) => Promise<Run | undefined>,
  profile: (id: string) => Promise<Profile | undefined>,
): Promise<RunNote[]> {
  const out: RunNote[] = [];
  for (const id of new Set(ids)) {
    const here = await run(id);
    if (!here || here.finishedAt === undefined || here.unverified) continue;
    const p = here.playerId === null ? undefined : await profile(here.playerId);
    out.push(runNote(here, p ? [p] : []));
  }
  return out;
}

/** What stands for this device among the keys that sent a player's runs: its own runs are unsigned. */
const THIS_DEVICE = '';

/**
 * Trust on first use: remembers, per player, which devices have sent their runs here (the keys
 * their stored runs were signed with; this device for runs made here; unsigned imports say
 * nothing), and notes a signed run of a player whose earlier runs all came from other devices.
 * A player's first runs here set what is known; nothing is refused.
 */
export class DeviceMemory {
  private known = new Map<string, Set<string>>();
  private noted = new Map<string, DeviceNote>();

  /** `earlier`: the runs stored under a player id (read before this import writes any of theirs). */
  constructor(private readonly earlier: (playerId: string) => Promise<Run[]>) {}

  /** Looks at a run about to be written (added or completed), filed under `name`. */
  async check(run: Run, name: string): Promise<void> {
    if (!run.signature || run.playerId === null) return;
    let keys = this.known.get(run.playerId);
    if (!keys) {
      keys = new Set((await this.earlier(run.playerId)).flatMap((r) => (r.signature ? [r.signature.key] : r.unverified ? [] : [THIS_DEVICE])));
      this.known.set(run.playerId, keys);
    }
    if (keys.size === 0 || keys.has(run.signature.key)) return;
    const at = `${run.playerId}\u0000${run.signature.key}`;
    const note = this.noted.get(at) ?? { playerId: run.playerId, name, runs: 0 };
    note.runs++;
    this.noted.set(at, note);
  }

  notes(): DeviceNote[] {
    return [...this.noted.values()];
  }
}

/** The name each player id of a plan is filed under here. */
export function namesOf(plan: PlayerPlan): Map<string, string> {
  return new Map(plan.notes.map((n) => [n.storedAs, n.name]));
}
