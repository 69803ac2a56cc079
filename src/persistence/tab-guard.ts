/**
 * Keeps one run from being played in two tabs at once (two tabs appending to one event log would
 * write two different stories into it). Uses Web Locks (`navigator.locks`, one exclusive lock per
 * run, held while the play screen is open); where they are missing, a BroadcastChannel handshake.
 *
 *   const r = await claimRun(run.id, { onLost });
 *   if (!r.ok) -> say "this run is open in another tab" and offer takeOverRun(run.id, { onLost })
 *   r.claim.release() when leaving the play screen.
 *   onLost(): another tab took the run over: stop writing, say so, offer to take it back.
 */

export interface RunClaim {
  readonly runId: string;
  /** Lets go of the run (leaving the play screen). Safe to call more than once. */
  release(): void;
}

export type ClaimResult = { ok: true; claim: RunClaim } | { ok: false };

export interface ClaimOptions {
  /** Called when another tab takes the run over while this tab holds it. */
  onLost?: () => void;
}

const LOCK_PREFIX = 'frontlijn-run:';
const CHANNEL = 'frontlijn-tabs';
/** How long the BroadcastChannel fallback waits for a tab holding the run to answer. */
const ANSWER_MS = 200;

type Msg = { type: 'who-has' | 'has' | 'take'; runId: string; from: string };

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

const tabId = Math.random().toString(36).slice(2);

// ---- Web Locks ------------------------------------------------------------------------------

function lockClaim(lm: LockManager, runId: string, steal: boolean, opts: ClaimOptions): Promise<ClaimResult> {
  return new Promise((resolve) => {
    let letGo: () => void = () => undefined;
    const held = new Promise<void>((r) => (letGo = r));
    let released = false;
    const claim: RunClaim = {
      runId,
      release() {
        released = true;
        letGo();
      },
    };
    const options: LockOptions = steal ? { steal: true } : { ifAvailable: true };
    lm.request(LOCK_PREFIX + runId, options, async (lock) => {
      if (!lock) {
        resolve({ ok: false });
        return;
      }
      resolve({ ok: true, claim });
      await held;
    }).catch((e: unknown) => {
      // Another tab stole the lock: our request's promise rejects with an AbortError.
      if (!released && e instanceof DOMException && e.name === 'AbortError') opts.onLost?.();
    });
  });
}

// ---- BroadcastChannel fallback ------------------------------------------------------------

const held = new Map<string, ClaimOptions>();
let channel: BroadcastChannel | null = null;

function bc(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (ev: MessageEvent<Msg>) => {
      const m = ev.data;
      if (!m || m.from === tabId || !held.has(m.runId)) return;
      if (m.type === 'who-has') channel?.postMessage({ type: 'has', runId: m.runId, from: tabId } satisfies Msg);
      if (m.type === 'take') {
        const o = held.get(m.runId);
        held.delete(m.runId);
        o?.onLost?.();
      }
    };
  }
  return channel;
}

async function channelClaim(ch: BroadcastChannel, runId: string, steal: boolean, opts: ClaimOptions): Promise<ClaimResult> {
  const make = (): ClaimResult => {
    held.set(runId, opts);
    return { ok: true, claim: { runId, release: () => void held.delete(runId) } };
  };
  if (steal) {
    ch.postMessage({ type: 'take', runId, from: tabId } satisfies Msg);
    return make();
  }
  const answered = await new Promise<boolean>((resolve) => {
    const listener = (ev: MessageEvent<Msg>) => {
      if (ev.data?.type === 'has' && ev.data.runId === runId) {
        ch.removeEventListener('message', listener);
        resolve(true);
      }
    };
    ch.addEventListener('message', listener);
    ch.postMessage({ type: 'who-has', runId, from: tabId } satisfies Msg);
    setTimeout(() => {
      ch.removeEventListener('message', listener);
      resolve(false);
    }, ANSWER_MS);
  });
  return answered ? { ok: false } : make();
}

// ---- API ------------------------------------------------------------------------------------

/** Claims the run for this tab, unless another tab is playing it. */
export function claimRun(runId: string, opts: ClaimOptions = {}): Promise<ClaimResult> {
  const lm = locks();
  if (lm) return lockClaim(lm, runId, false, opts);
  const ch = bc();
  if (ch) return channelClaim(ch, runId, false, opts);
  return Promise.resolve({ ok: true, claim: { runId, release: () => undefined } });
}

/** Takes the run over from the other tab (which is told through its onLost). Always succeeds. */
export async function takeOverRun(runId: string, opts: ClaimOptions = {}): Promise<RunClaim> {
  const lm = locks();
  const ch = lm ? null : bc();
  const r = lm ? await lockClaim(lm, runId, true, opts) : ch ? await channelClaim(ch, runId, true, opts) : null;
  return r && r.ok ? r.claim : { runId, release: () => undefined };
}
