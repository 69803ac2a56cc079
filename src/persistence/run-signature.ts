/**
 * Signed runs: a run leaving the device that made it (a results file, a hand-in link or QR code)
 * carries an ECDSA P-256 signature by that device's key (device-key.ts) over its canonical form,
 * so a run changed after it was played (its mode, player, times or choices) is refused on import.
 *
 * What is signed is everything that decides what a run says and how it counts: id, scenario (id
 * and hash), player id, mode, timer scale, start time, seed, start node, the events and the finish
 * time. Left out: the reflection (the player's own words, editable afterwards, scored nowhere) and
 * each event's `shown` (the order the options were shown in: it follows from the seed, and links
 * leave it out), and the run's format version (the canonical form has its own tag).
 */
import type { Run, RunEvent, RunSignature } from '../engine/types';
import { fromBase64Url, toBase64Url } from './base64url';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** Names the canonical form, so a signature can never be taken for one over another layout. */
const TAG = 'frontlijn-run-1';

/** What a signature covers: the fields of a run that matter, in the order they are listed here. */
export type SignedFields = Pick<Run, 'id' | 'scenarioId' | 'scenarioHash' | 'playerId' | 'mode' | 'timerScale' | 'startedAt' | 'seed' | 'startNode' | 'events' | 'finishedAt'>;

function canonicalEvent(e: RunEvent): unknown[] {
  if (e.type === 'choice.select') return [e.type, e.node, e.option, e.at];
  if (e.type === 'timer.scale') return [e.type, e.scale, e.at];
  return [e.type, e.node, e.at];
}

/**
 * The text a run's signature covers: one JSON array with the fields in a fixed order (absent
 * fields as null), so neither the key order of the stored object nor undefined fields change it.
 */
export function canonicalRun(run: SignedFields): string {
  return JSON.stringify([
    TAG,
    run.id,
    run.scenarioId,
    run.scenarioHash,
    run.playerId ?? null,
    run.mode,
    run.timerScale,
    run.startedAt,
    run.seed ?? null,
    run.startNode ?? null,
    run.events.map(canonicalEvent),
    run.finishedAt ?? null,
  ]);
}

/**
 * A device key where the page has no WebCrypto (an insecure http:// address, such as a trainer's
 * laptop on the room's Wi-Fi): the same ECDSA P-256 key, signatures and public key bytes as
 * WebCrypto's, made and used by @noble/curves. Its secret can be read by the page's own code, which
 * a WebCrypto key cannot; either way, whoever holds the device can sign with it (see the README).
 */
export interface SoftKeyPair {
  soft: 'p256';
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** A device's signing key: WebCrypto's where the page has it, else a SoftKeyPair. */
export type DeviceKeyPair = CryptoKeyPair | SoftKeyPair;

/** WebCrypto, or undefined where the page has none (an insecure http:// address). */
function subtle(): SubtleCrypto | undefined {
  return globalThis.crypto?.subtle;
}

/** @noble/curves' P-256, loaded only on a page without WebCrypto. */
const nist = () => import('@noble/curves/nist.js').then((m) => m.p256);

/** A new device key pair: WebCrypto's (its private key cannot be exported, not even by this app), else a soft one. */
export async function generateDeviceKey(): Promise<DeviceKeyPair> {
  const s = subtle();
  if (s) return s.generateKey(ALGORITHM, false, ['sign', 'verify']);
  const p256 = await nist();
  const { secretKey } = p256.keygen();
  return { soft: 'p256', secretKey, publicKey: p256.getPublicKey(secretKey, false) };
}

export function isSoftKey(pair: DeviceKeyPair): pair is SoftKeyPair {
  return 'soft' in pair;
}

const bytes = (text: string) => new TextEncoder().encode(text);

/**
 * Signs a run with this device's key pair: the signature is r ‖ s (64 bytes, as WebCrypto gives
 * it) and the key the uncompressed public point (65 bytes, WebCrypto's "raw"), so a soft key's
 * signature checks with WebCrypto and the other way round.
 */
export async function signRun(run: SignedFields, pair: DeviceKeyPair): Promise<RunSignature> {
  const message = bytes(canonicalRun(run));
  if (isSoftKey(pair)) {
    const sig = (await nist()).sign(message, pair.secretKey, { prehash: true });
    return { key: toBase64Url(pair.publicKey), sig: toBase64Url(sig) };
  }
  const s = subtle()!;
  const [sig, key] = await Promise.all([s.sign(SIGN, pair.privateKey, message), s.exportKey('raw', pair.publicKey)]);
  return { key: toBase64Url(new Uint8Array(key)), sig: toBase64Url(new Uint8Array(sig)) };
}

/** Imported public keys by their text: a file of 10,000 runs has a few devices. */
const keys = new Map<string, Promise<CryptoKey>>();

function publicKey(s: SubtleCrypto, key: string): Promise<CryptoKey> {
  let k = keys.get(key);
  if (!k) {
    k = s.importKey('raw', fromBase64Url(key) as BufferSource, ALGORITHM, false, ['verify']);
    if (keys.size > 100) keys.clear();
    keys.set(key, k);
  }
  return k;
}

/** Whether `signature` is a signature of this run by the key it names. False for anything malformed. */
export async function verifyRun(run: SignedFields, signature: RunSignature): Promise<boolean> {
  const message = bytes(canonicalRun(run));
  const s = subtle();
  try {
    if (!s) {
      // WebCrypto's signatures are not normalised to a low s: both halves are valid.
      return (await nist()).verify(fromBase64Url(signature.sig), message, fromBase64Url(signature.key), { prehash: true, lowS: false });
    }
    return await s.verify(SIGN, await publicKey(s, signature.key), fromBase64Url(signature.sig) as BufferSource, message);
  } catch {
    keys.delete(signature.key);
    return false;
  }
}

/**
 * Runs as they leave this device: a run that came with a signature passes it on untouched (it
 * still proves which device made it); a run imported without one leaves without one; a run made
 * here is signed with this device's key (`key`, asked for only when needed). Where the device
 * has no key (its database cannot make or keep one), runs leave unsigned and count as unverified
 * elsewhere.
 */
export async function outgoing(runs: Run[], key: () => Promise<DeviceKeyPair>): Promise<Run[]> {
  let pair: DeviceKeyPair | null = null;
  if (runs.some((r) => !r.signature && !r.unverified)) {
    try {
      pair = await key();
    } catch (e) {
      console.warn('[frontlijn] no device key: runs leave unsigned', e);
    }
  }
  return Promise.all(
    runs.map(async ({ unverified, signature, ...run }) => {
      if (signature) return { ...run, signature };
      if (unverified || !pair) return run;
      return { ...run, signature: await signRun(run, pair) };
    }),
  );
}
