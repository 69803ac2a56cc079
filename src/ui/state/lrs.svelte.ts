/**
 * The LRS connection of this device and the outbox's status, for Settings and the status line.
 * At start: an xAPI launch link in the address (endpoint, auth, actor) connects this device and is
 * removed from the address; otherwise the connection saved in Settings (kept in this device's
 * database only) is used. Without one, nothing is queued or sent: results stay on the device.
 * The builder and the analysis are loaded only when a connection exists.
 */
import type { LrsConnection, OutboxCounts, Store } from '../../persistence';
import type { Delivery, DeliveryState } from '../../xapi/delivery';
import type { LrsBoard } from '../../xapi/lrs-results';
import { withoutLaunchParams, authFromKey, connectionFromLaunch, launchParams, normaliseEndpoint } from '../../xapi/launch';
import { locale } from '../../i18n';

export class LrsState {
  connection = $state.raw<LrsConnection | null>(null);
  delivery = $state.raw<DeliveryState>({ kind: 'off' });
  counts = $state.raw<OutboxCounts>({ queued: 0, parked: [], sent: 0 });
  #store: Store | null = null;
  #delivery: Delivery | null = null;
  #stopListening: (() => void) | null = null;
  #soon: ReturnType<typeof setTimeout> | undefined;

  /**
   * Reads a launch link or the saved connection and starts sending. Never throws. Run writes
   * wait until the statement source is set (or known to be none): a resumed run writes its
   * time-outs at once, and a write stored without its statements before the source was set
   * would never have them queued if it was the run's last.
   */
  async init(store: Store): Promise<void> {
    this.#store = store;
    const ready = (async () => {
      const launched = typeof location !== 'undefined' ? connectionFromLaunch(launchParams(location.search, location.hash)) : null;
      if (launched) {
        this.#forgetLaunchInAddress();
        await store.outbox.saveConnection(launched);
      }
      const connection = launched ?? (await store.outbox.getConnection());
      await this.#setSource(connection);
      return connection;
    })();
    store.outbox.decide(ready);
    try {
      await this.#deliver(await ready);
    } catch (e) {
      console.warn('[frontlijn] xAPI: could not start', e);
    }
  }

  /** Settings: connect to this endpoint with this write key (both checked; false when not usable). */
  async configure(endpointText: string, key: string, masteryThreshold?: number): Promise<boolean> {
    const store = this.#store;
    const endpoint = normaliseEndpoint(endpointText);
    if (!store || !endpoint || !key.trim()) return false;
    const connection: LrsConnection = { endpoint, auth: authFromKey(key), source: 'settings' };
    if (masteryThreshold !== undefined && Number.isFinite(masteryThreshold) && masteryThreshold >= 0 && masteryThreshold <= 100) {
      connection.masteryThreshold = masteryThreshold;
    }
    await store.outbox.saveConnection(connection);
    await this.#use(connection);
    return true;
  }

  /**
   * Connects this device to an LRS a launcher gives (a cmi5 launch from an LMS: source 'cmi5',
   * its actor and mastery threshold), saved on the device like the others. Resolves once the
   * outbox has been flushed once.
   */
  async connect(connection: LrsConnection): Promise<void> {
    if (!this.#store) throw new Error('lrs.init(store) first');
    await this.#store.outbox.saveConnection(connection);
    await this.#use(connection);
  }

  /** Settings: stop sending; what is queued stays on the device. */
  async disconnect(): Promise<void> {
    await this.#store?.outbox.saveConnection(null);
    await this.#use(null);
  }

  /**
   * Whether every finished run on this device may be forwarded: not when the connection names one
   * learner (a launch link's or a cmi5 launch's actor), or every player's runs would reach the
   * LRS as that learner's.
   */
  get canForwardAll(): boolean {
    return !!this.connection && !this.connection.actor;
  }

  /** A facilitator forwards every finished run on this device (hand-ins, files) to the LRS. */
  async forwardAll(): Promise<number> {
    const store = this.#store;
    if (!store || !this.canForwardAll) return 0;
    const runs = (await store.listRuns()).filter((r) => r.finishedAt !== undefined);
    const n = await store.outbox.queueRuns(runs);
    await this.flush();
    return n;
  }

  /** Parked statements go back to the queue and are sent again. */
  async retryParked(): Promise<void> {
    await this.#store?.outbox.retryParked();
    await this.flush();
  }

  async flush(): Promise<void> {
    await this.#delivery?.flush();
    await this.refresh();
  }

  /**
   * Resolves true once nothing is left queued (all delivered, or parked as refused) or sending has
   * stopped (401/403, or no connection); false when `timeoutMs` passes first. A cmi5 session's
   * `terminated` waits for this: it must be the session's last statement.
   */
  async settled(timeoutMs: number): Promise<boolean> {
    const store = this.#store;
    const delivery = this.#delivery;
    if (!store || !delivery) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe = () => {};
    let waiting = true;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const drained = (async () => {
      while (waiting) {
        // Listen before looking, so a change in between is not missed.
        const changed = new Promise<void>((resolve) => (unsubscribe = delivery.on(() => resolve())));
        const { queued } = await store.outbox.counts();
        const kind = delivery.state.kind;
        if (queued === 0 || kind === 'stopped' || kind === 'off') return true;
        // Idle with statements queued: send them now. Sending or waiting for a retry: wait for it.
        if (kind === 'idle') void delivery.flush();
        await changed;
        unsubscribe();
      }
      return false;
    })();
    try {
      return await Promise.race([drained, timeout]);
    } finally {
      waiting = false;
      clearTimeout(timer);
      unsubscribe();
      void this.refresh();
    }
  }

  async refresh(): Promise<void> {
    if (this.#store) this.counts = await this.#store.outbox.counts();
  }

  /** The deployment's home page: names players' and teams' accounts; activities hang under it + "/xapi". */
  get homePage(): string {
    return `${location.origin}${location.pathname.replace(/[^/]*$/, '')}`.replace(/\/$/, '');
  }

  /** A scenario's activity id (the same on every device of this deployment). */
  scenarioIri(scenarioId: string): string {
    return `${this.homePage}/xapi/scenarios/${encodeURIComponent(scenarioId)}`;
  }

  /** The launch parameters a room link carries so phones send to this device's LRS (tincan launch). */
  launchQuery(): string[] {
    const c = this.connection;
    if (!c) return [];
    const q = [`endpoint=${encodeURIComponent(c.endpoint)}`, `auth=${encodeURIComponent(c.auth)}`];
    if (c.masteryThreshold !== undefined) q.push(`mastery=${c.masteryThreshold}`);
    return q;
  }

  /** A scenario's results from the LRS (Team scores), as result rows with their players and teams. */
  async loadResults(scenarioId: string): Promise<LrsBoard> {
    const connection = this.connection;
    if (!connection) return { results: [], profiles: [], teams: [] };
    const { loadLrsResults } = await import('../../xapi/lrs-results');
    return loadLrsResults(connection, this.scenarioIri(scenarioId), scenarioId);
  }

  async #use(connection: LrsConnection | null): Promise<void> {
    await this.#setSource(connection);
    await this.#deliver(connection);
  }

  /** Queues statements with every run write from now on (a connection), or none (null). */
  async #setSource(connection: LrsConnection | null): Promise<void> {
    const store = this.#store!;
    this.connection = connection;
    if (!connection) {
      store.outbox.setSource(null);
      return;
    }
    const [{ statementSource }, { Delivery }] = await Promise.all([import('../../xapi/source'), import('../../xapi/delivery')]);
    const homePage = this.homePage;
    const source = statementSource({ homePage, lang: () => locale.lang, connection: () => this.connection });
    store.outbox.setSource((run, ctx) => {
      const statements = source(run, ctx);
      // Sent soon after the write that queues them commits (a later transaction sees it).
      clearTimeout(this.#soon);
      this.#soon = setTimeout(() => void this.flush(), 50);
      return statements;
    });
    if (!this.#delivery) {
      const d = new Delivery(store.outbox);
      d.on((s) => {
        this.delivery = s;
        if (s.kind !== 'sending') void this.refresh();
      });
      this.#stopListening = d.listen();
      this.#delivery = d;
    }
  }

  /** Sends what is queued to this connection (none: stops sending). */
  async #deliver(connection: LrsConnection | null): Promise<void> {
    await this.#delivery?.connect(connection);
    await this.refresh();
  }

  #forgetLaunchInAddress(): void {
    try {
      history.replaceState(history.state, '', withoutLaunchParams(location.href));
    } catch {
      /* not in a browser */
    }
  }

  stop(): void {
    this.#stopListening?.();
  }
}

export const lrs = new LrsState();
