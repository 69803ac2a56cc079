/**
 * This device's signing key (run-signature.ts): an ECDSA P-256 key pair made on first need (by
 * WebCrypto, its private key not extractable; on an http:// address a soft key), kept in the
 * database's `settings` store under DEVICE_KEY (both are structured-cloneable: no migration). The stores own the reading and writing; this
 * module says what a stored pair looks like and how the first one is made and kept.
 */
import { generateDeviceKey, type DeviceKeyPair } from './run-signature';

/** The `settings` store's key of the device key pair. */
export const DEVICE_KEY = 'device-key';

export function isKeyPair(v: unknown): v is DeviceKeyPair {
  if (typeof v !== 'object' || v === null) return false;
  const pair = v as Record<string, unknown>;
  if (pair.soft === 'p256') return pair.secretKey instanceof Uint8Array && pair.publicKey instanceof Uint8Array && pair.publicKey.length === 65;
  const isKey = (k: unknown) => typeof k === 'object' && k !== null && 'algorithm' in k && 'type' in k;
  return isKey(pair.privateKey) && isKey(pair.publicKey);
}

/**
 * The device's key pair: the stored one, else a new one handed to `keep`, which stores it unless
 * another tab stored one first and returns the pair that is kept. Where it cannot be stored (a
 * full disk), `keep` returns the new pair: a key for this session.
 */
export async function loadDeviceKey(read: () => Promise<unknown>, keep: (pair: DeviceKeyPair) => Promise<DeviceKeyPair>): Promise<DeviceKeyPair> {
  const stored = await read();
  if (isKeyPair(stored)) return stored;
  return keep(await generateDeviceKey());
}
