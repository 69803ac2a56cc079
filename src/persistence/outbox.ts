/**
 * The xAPI outbox: statements waiting to be sent to a Learning Record Store, kept on this device
 * until the LRS has them. Owns the `outbox` and `outboxMeta` object stores (schema v4).
 *
 * A run's statements are queued in the same transaction as the run write they describe
 * (`queueInTx`, called by the IdbStore's saveRun/appendEvent/importBundle, and for the runs of a
 * version kept apart, by the write that trusts it), so a crash either keeps both the event and its
 * statements or neither. Which statements are new is decided by a
 * mark per run (how many of its statements were queued): the builder's statements of a longer log
 * always start with those of the shorter one (RunStatements), so the mark is a count.
 * A statement leaves the outbox only once the LRS has it (`delivered`); sending it again after a
 * crash is harmless because statement ids are deterministic.
 *
 * Nothing is queued while no LRS is connected (`setSource(null)`): phones without one keep
 * everything local, as before. While the source is still being decided at start-up (the saved
 * connection read, the builder's code loaded: `decide`), run writes wait (`decided`): a write
 * stored without its statements would have them queued only by the run's next write, and a
 * run's last write has none.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Run } from '../engine/types';
import type { XapiAgent, XapiStatement } from '../xapi/types';
import type { Cmi5Context } from '../xapi/cmi5-context';
import type { Profile, StoredScenario, Team } from './api';
import type { FrontlijnDB } from './schema';

/** Where statements go. Stored on this device only (never in the built files). */
export interface LrsConnection {
  /** The LRS's xAPI endpoint, ending in "/" (statements are at endpoint + "statements"). */
  endpoint: string;
  /** The Authorization header value, e.g. "Basic dXNlcjpwYXNz". */
  auth: string;
  /** Who configured it: Settings on this device, an xAPI launch link, or a cmi5 launch. */
  source: 'settings' | 'launch' | 'cmi5';
  /** The player given by a launch (overrides the device's player account). */
  actor?: XapiAgent;
  /** Overall score 0–100 at or above which a run is passed (default 60). */
  masteryThreshold?: number;
  /** A cmi5 launch's registration and context template: the game's statements are built on them. */
  cmi5?: Cmi5Context;
}

export type OutboxState = 'queued' | 'parked';

export interface OutboxItem {
  /** The statement id (also the key). */
  id: string;
  runId: string;
  /** Queue order. */
  seq: number;
  statement: XapiStatement;
  state: OutboxState;
  /** Why the LRS refused it (a 400), in its own words. */
  reason?: string;
}

/** What the outbox holds, for the status line. */
export interface OutboxCounts {
  queued: number;
  parked: { id: string; reason: string }[];
  /** Statements the LRS confirmed, since this device started sending. */
  sent: number;
}

/** What the store looks up for the source, in the same transaction as the run write. */
export interface SourceContext {
  version?: StoredScenario;
  profile?: Profile;
  team?: Team;
}

/**
 * Turns a run into all of its statements so far (null: this run is not sent, e.g. a test run).
 * Synchronous: it runs inside the write transaction.
 */
export type StatementSource = (run: Run, ctx: SourceContext) => XapiStatement[] | null;

/** The outbox as the delivery code sees it (IndexedDB or memory). */
export interface Outbox {
  /** Starts (a source) or stops (null) queueing statements with every run write. */
  setSource(source: StatementSource | null): void;
  /** The source is being decided until `deciding` settles (the connection is read at start-up). */
  decide(deciding: Promise<unknown>): void;
  /** Settles once the source is decided: the stores await it before each run write. */
  decided(): Promise<void>;
  /** Queues what is new of these runs (a facilitator forwarding runs collected earlier). */
  queueRuns(runs: Run[]): Promise<number>;
  /** The oldest queued (not parked) items, at most `limit`. */
  nextBatch(limit: number): Promise<OutboxItem[]>;
  /** The LRS has these: remove them and count them as sent. */
  delivered(ids: string[]): Promise<void>;
  /** The LRS refused this one for good: keep it, with its reason, out of the sending queue. */
  park(id: string, reason: string): Promise<void>;
  /** Parked statements go back to the queue (after the content or the LRS was fixed). */
  retryParked(): Promise<void>;
  counts(): Promise<OutboxCounts>;
  getConnection(): Promise<LrsConnection | null>;
  saveConnection(connection: LrsConnection | null): Promise<void>;
}

export const OUTBOX_STORES = ['outbox', 'outboxMeta'] as const;
const CONNECTION_KEY = 'connection';
const SENT_KEY = 'sent';
const markKey = (runId: string) => `mark:${runId}`;

/** A connection as stored, checked (a damaged record reads as none). */
export function restoreConnection(v: unknown): LrsConnection | null {
  if (!v || typeof v !== 'object') return null;
  const c = v as Record<string, unknown>;
  if (typeof c.endpoint !== 'string' || typeof c.auth !== 'string') return null;
  const source = c.source === 'launch' || c.source === 'cmi5' ? c.source : 'settings';
  const out: LrsConnection = { endpoint: c.endpoint, auth: c.auth, source };
  if (c.actor && typeof c.actor === 'object') out.actor = c.actor as XapiAgent;
  if (typeof c.masteryThreshold === 'number' && Number.isFinite(c.masteryThreshold)) out.masteryThreshold = c.masteryThreshold;
  const cmi5 = c.cmi5 as Partial<Cmi5Context> | undefined;
  if (source === 'cmi5' && typeof cmi5?.registration === 'string') out.cmi5 = { registration: cmi5.registration, contextTemplate: cmi5.contextTemplate };
  return out;
}

/** Every statement of the run so far, or null (no source, or the run cannot be turned into statements). */
function statementsOf(source: StatementSource, run: Run, ctx: SourceContext): XapiStatement[] | null {
  try {
    return source(run, ctx);
  } catch (e) {
    console.warn(`[frontlijn] xAPI: run ${run.id} gives no statements`, e);
    return null;
  }
}

export type QueueTx = IDBPTransaction<FrontlijnDB, ('runs' | 'outbox' | 'outboxMeta' | 'scenarios' | 'profiles' | 'teams' | 'results')[], 'readwrite'>;

/** The object stores a run write must also lock to queue its statements. */
export const QUEUE_STORES = ['outbox', 'outboxMeta', 'scenarios', 'profiles', 'teams'] as const;

let seqBase = 0;
/** A queue position: increasing across calls and page loads (time-based). */
function nextSeq(): number {
  seqBase = Math.max(seqBase + 1, Date.now() * 1000);
  return seqBase;
}

/**
 * Queues the statements of `run` that are not queued yet, inside the caller's transaction (which
 * must include QUEUE_STORES). Awaits only requests of that transaction.
 */
export async function queueInTx(tx: QueueTx, run: Run, source: StatementSource): Promise<number> {
  const meta = tx.objectStore('outboxMeta');
  const mark = await meta.get(markKey(run.id));
  const done = typeof mark === 'number' ? mark : 0;
  const version = await tx.objectStore('scenarios').get(run.scenarioHash);
  // A run on a version this device does not trust (#17) is not sent until the version is trusted;
  // a run that came without a signature is never sent: the LRS keeps only runs a device vouched for.
  if (version?.untrusted || run.unverified) return 0;
  const profile = run.playerId ? await tx.objectStore('profiles').get(run.playerId) : undefined;
  const team = profile?.teamId ? await tx.objectStore('teams').get(profile.teamId) : undefined;
  const all = statementsOf(source, run, { version, profile, team });
  if (!all || all.length <= done) return 0;
  const fresh = all.slice(done);
  const outbox = tx.objectStore('outbox');
  for (const statement of fresh) {
    void outbox.put({ id: statement.id, runId: run.id, seq: nextSeq(), statement, state: 'queued' });
  }
  await meta.put(all.length, markKey(run.id));
  return fresh.length;
}

type DB = IDBPDatabase<FrontlijnDB>;

/** The longest a run write waits at start-up for the statement source to be decided. */
export const DECIDE_WAIT_MS = 5000;

/** The source both outboxes queue with, and the wait while it is being decided. */
abstract class SourceHolder {
  source: StatementSource | null = null;
  private deciding: Promise<void> = Promise.resolve();

  setSource(source: StatementSource | null): void {
    this.source = source;
  }
  decide(deciding: Promise<unknown>): void {
    // A failed start-up decides "no source": writes go on, kept on this device only. A stalled one
    // (the xAPI code never arriving on a dead network) must not hold the player's choices back:
    // after DECIDE_WAIT_MS writes go on, and the run's next write after the source is set queues
    // what it missed (the mark per run says how many were queued).
    this.deciding = new Promise<void>((resolve) => {
      const cap = setTimeout(resolve, DECIDE_WAIT_MS);
      const done = () => {
        clearTimeout(cap);
        resolve();
      };
      deciding.then(done, done);
    });
  }
  decided(): Promise<void> {
    return this.deciding;
  }
}

/** The outbox in IndexedDB (the IdbStore calls queueInTx on its own writes). */
export class IdbOutbox extends SourceHolder implements Outbox {
  /** `conn`: the store's current connection (it opens a new one after the browser closed it). */
  constructor(private readonly conn: () => DB) {
    super();
  }

  private get db(): DB {
    return this.conn();
  }

  async queueRuns(runs: Run[]): Promise<number> {
    const source = this.source;
    if (!source) return 0;
    let n = 0;
    for (const run of runs) {
      const tx = this.db.transaction(['runs', ...QUEUE_STORES], 'readwrite');
      n += await queueInTx(tx as unknown as QueueTx, run, source);
      await tx.done;
    }
    return n;
  }

  async nextBatch(limit: number): Promise<OutboxItem[]> {
    const out: OutboxItem[] = [];
    let cursor = await this.db.transaction('outbox').store.index('by-seq').openCursor();
    while (cursor && out.length < limit) {
      const item = cursor.value;
      if (item && item.state === 'queued' && item.statement) out.push(item);
      cursor = await cursor.continue();
    }
    return out;
  }

  async delivered(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const tx = this.db.transaction(OUTBOX_STORES, 'readwrite');
    const outbox = tx.objectStore('outbox');
    let removed = 0;
    for (const id of ids) {
      if (await outbox.getKey(id)) {
        removed++;
        void outbox.delete(id);
      }
    }
    const sent = await tx.objectStore('outboxMeta').get(SENT_KEY);
    await tx.objectStore('outboxMeta').put((typeof sent === 'number' ? sent : 0) + removed, SENT_KEY);
    await tx.done;
  }

  async park(id: string, reason: string): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    const item = await tx.store.get(id);
    if (item) await tx.store.put({ ...item, state: 'parked', reason });
    await tx.done;
  }

  async retryParked(): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    let cursor = await tx.store.openCursor();
    while (cursor) {
      if (cursor.value.state === 'parked') await cursor.update({ ...cursor.value, state: 'queued', reason: undefined });
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  async counts(): Promise<OutboxCounts> {
    const tx = this.db.transaction(OUTBOX_STORES);
    const items = await tx.objectStore('outbox').getAll();
    const sent = await tx.objectStore('outboxMeta').get(SENT_KEY);
    return {
      queued: items.filter((i) => i.state === 'queued').length,
      parked: items.filter((i) => i.state === 'parked').map((i) => ({ id: i.id, reason: i.reason ?? '' })),
      sent: typeof sent === 'number' ? sent : 0,
    };
  }

  async getConnection(): Promise<LrsConnection | null> {
    return restoreConnection(await this.db.get('outboxMeta', CONNECTION_KEY));
  }

  async saveConnection(connection: LrsConnection | null): Promise<void> {
    if (connection) await this.db.put('outboxMeta', structuredClone(connection), CONNECTION_KEY);
    else await this.db.delete('outboxMeta', CONNECTION_KEY);
  }
}

/** The outbox of the in-memory store: the same rules, lost on reload like everything else there. */
export class MemoryOutbox extends SourceHolder implements Outbox {
  private items = new Map<string, OutboxItem>();
  private marks = new Map<string, number>();
  private sent = 0;
  private connection: LrsConnection | null = null;

  constructor(private readonly lookup: (run: Run) => SourceContext = () => ({})) {
    super();
  }

  /** Queues the new statements of a run (the MemoryStore calls it on each run write). */
  queue(run: Run): number {
    if (!this.source) return 0;
    const ctx = this.lookup(run);
    if (ctx.version?.untrusted || run.unverified) return 0; // see queueInTx
    const all = statementsOf(this.source, run, ctx);
    const done = this.marks.get(run.id) ?? 0;
    if (!all || all.length <= done) return 0;
    for (const statement of all.slice(done)) {
      this.items.set(statement.id, { id: statement.id, runId: run.id, seq: nextSeq(), statement: structuredClone(statement), state: 'queued' });
    }
    this.marks.set(run.id, all.length);
    return all.length - done;
  }

  async queueRuns(runs: Run[]): Promise<number> {
    return runs.reduce((n, r) => n + this.queue(r), 0);
  }
  async nextBatch(limit: number): Promise<OutboxItem[]> {
    return [...this.items.values()].filter((i) => i.state === 'queued').sort((a, b) => a.seq - b.seq).slice(0, limit).map((i) => structuredClone(i));
  }
  async delivered(ids: string[]): Promise<void> {
    for (const id of ids) if (this.items.delete(id)) this.sent++;
  }
  async park(id: string, reason: string): Promise<void> {
    const item = this.items.get(id);
    if (item) this.items.set(id, { ...item, state: 'parked', reason });
  }
  async retryParked(): Promise<void> {
    for (const [id, item] of this.items) if (item.state === 'parked') this.items.set(id, { ...item, state: 'queued', reason: undefined });
  }
  async counts(): Promise<OutboxCounts> {
    const items = [...this.items.values()];
    return {
      queued: items.filter((i) => i.state === 'queued').length,
      parked: items.filter((i) => i.state === 'parked').map((i) => ({ id: i.id, reason: i.reason ?? '' })),
      sent: this.sent,
    };
  }
  async getConnection(): Promise<LrsConnection | null> {
    return this.connection ? structuredClone(this.connection) : null;
  }
  async saveConnection(connection: LrsConnection | null): Promise<void> {
    this.connection = connection ? structuredClone(connection) : null;
  }
}
