/**
 * This device's signing key (run-signature.ts): an ECDSA P-256 key pair made on first need, its
 * private key not extractable, kept in the database's `settings` store under DEVICE_KEY (a
 * CryptoKey is structured-cloneable: no migration). The stores own the reading and writing; this
 * module says what a stored pair looks like and how the first one is made and kept.
 */
import { generateDeviceKey } from './run-signature';

/** The `settings` store's key of the device key pair. */
export const DEVICE_KEY = 'device-key';

export function isKeyPair(v: unknown): v is CryptoKeyPair {
  const isKey = (k: unknown) => typeof k === 'object' && k !== null && 'algorithm' in k && 'type' in k;
  return typeof v === 'object' && v !== null && isKey((v as CryptoKeyPair).privateKey) && isKey((v as CryptoKeyPair).publicKey);
}

/**
 * The device's key pair: the stored one, else a new one handed to `keep`, which stores it unless
 * another tab stored one first and returns the pair that is kept. Where it cannot be stored (a
 * full disk), `keep` returns the new pair: a key for this session.
 */
export async function loadDeviceKey(read: () => Promise<unknown>, keep: (pair: CryptoKeyPair) => Promise<CryptoKeyPair>): Promise<CryptoKeyPair> {
  const stored = await read();
  if (isKeyPair(stored)) return stored;
  return keep(await generateDeviceKey());
}
