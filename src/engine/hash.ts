/**
 * Content hashes of scenarios: a run records the hash of the exact version played, so a report
 * can tell when a scenario changed since. Synchronous and pure (own SHA-256, no Web Crypto), so it
 * runs the same in the browser, in tests and in the CLI. The canonical JSON is written straight
 * into UTF-8 bytes (no giant intermediate string) and hashed 64 KiB at a time as it is written,
 * so hashing stays linear for big scenarios.
 */
import type { Scenario } from './types';
import { keysOf } from './shared-keys';

/**
 * Appends UTF-8 bytes to a buffer (reused between calls: everything here is synchronous). With a
 * `drain`, a full buffer is handed to it first (it returns how many leading bytes it consumed), so
 * hashing streams through 64 KiB that stay in the processor's cache instead of writing and then
 * re-reading megabytes; without one, the buffer grows.
 */
class ByteWriter {
  buf = new Uint8Array(1 << 16);
  len = 0;
  drain: ((buf: Uint8Array, len: number) => number) | null = null;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    if (this.drain) {
      const used = this.drain(this.buf, this.len);
      this.buf.copyWithin(0, used, this.len);
      this.len -= used;
      if (this.len + n <= this.buf.length) return;
    }
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }

  /** Writes text as UTF-8 (surrogate pairs joined; a lone surrogate becomes U+FFFD, as TextEncoder does). */
  text(s: string): void {
    this.room(s.length * 3);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[len++] = c;
        continue;
      }
      if (c < 0x800) {
        buf[len++] = 0xc0 | (c >> 6);
        buf[len++] = 0x80 | (c & 63);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[len++] = 0xf0 | (c >> 18);
          buf[len++] = 0x80 | ((c >> 12) & 63);
          buf[len++] = 0x80 | ((c >> 6) & 63);
          buf[len++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd;
      }
      buf[len++] = 0xe0 | (c >> 12);
      buf[len++] = 0x80 | ((c >> 6) & 63);
      buf[len++] = 0x80 | (c & 63);
    }
    this.len = len;
  }

  /**
   * Writes a 32-bit integer as String(n) would (-0 as "0"), without making the string: a big
   * file's tens of thousands of effects made as many strings per hash.
   */
  int(n: number): void {
    this.room(11);
    const buf = this.buf;
    let v = n;
    if (v < 0) {
      buf[this.len++] = 0x2d;
      v = -v;
    }
    // -2147483648 negates past the 32-bit range; as a double it is still exact.
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = this.len + digits;
    this.len = at;
    do {
      buf[--at] = 0x30 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
  }

  /** Writes a JSON string literal exactly as JSON.stringify would. */
  quoted(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
        this.text(JSON.stringify(s));
        return;
      }
    }
    this.byte(0x22);
    this.text(s);
    this.byte(0x22);
  }
}

const writer = new ByteWriter();
const hashWriter = new ByteWriter();

/**
 * Key lists per nesting depth, reused: listing an object's keys with Object.keys made a new array
 * for every object of the file (on 10,000 nodes, 8 MB of garbage per hash). A list is in use only
 * while its object is written, and a deeper object uses the next one.
 */
const keyLists: string[][] = [];

function write(value: unknown, out: ByteWriter, depth = 0): void {
  switch (typeof value) {
    case 'string':
      out.quoted(value);
      return;
    case 'number':
      if (value === (value | 0)) out.int(value);
      else out.text(Number.isFinite(value) ? String(value) : 'null');
      return;
    case 'boolean':
      out.text(value ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      out.text('null');
      return;
  }
  if (value === null) {
    out.text('null');
    return;
  }
  if (Array.isArray(value)) {
    out.byte(0x5b);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.byte(0x2c);
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function') out.text('null');
      else write(item, out, depth + 1);
    }
    out.byte(0x5d);
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = (keyLists[depth] ??= []);
  let count = 0;
  if (depth === 1) {
    // The scenario's own maps (nodes, endings) may hold thousands of keys: for-in over such a map
    // costs more than listing it, and validateScenario has listed it already (shared-keys.ts).
    const listed = keysOf(record);
    for (; count < listed.length; count++) keys[count] = listed[count];
  } else {
    // The own enumerable keys, as Object.keys lists them (for-in over a plain object allocates nothing).
    for (const key in record) if (Object.prototype.hasOwnProperty.call(record, key)) keys[count++] = key;
  }
  // Most objects have a few keys: insertion sort. A big map (the 10,000 "nodes" of a large file,
  // whose ids n0, n1, … n9999 are far from sorted) would make that quadratic: the built-in sort
  // (the same UTF-16 order as `>`) is O(k log k).
  if (count > 16) {
    keys.length = count;
    keys.sort();
  }
  else for (let i = 1; i < count; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  out.byte(0x7b);
  let first = true;
  for (let i = 0; i < count; i++) {
    const item = record[keys[i]];
    if (item === undefined || typeof item === 'function') continue;
    if (!first) out.byte(0x2c);
    first = false;
    out.quoted(keys[i]);
    out.byte(0x3a);
    write(item, out, depth + 1);
  }
  // A big map's list is dropped, not kept alive until the next hash.
  if (count > 16) keys.length = 0;
  out.byte(0x7d);
}

/**
 * The canonical JSON of a value as UTF-8 bytes: object keys sorted, no whitespace, `undefined`
 * members left out (as JSON.stringify does). The bytes are valid until the next call.
 */
export function canonicalBytes(value: unknown): Uint8Array {
  writer.len = 0;
  write(value, writer);
  return writer.buf.subarray(0, writer.len);
}

/**
 * The canonical JSON of a value as text. Two scenarios with the same content give the same text
 * whatever the key order or formatting of their files.
 */
export function canonicalJson(value: unknown): string {
  return new TextDecoder().decode(canonicalBytes(value));
}

/** The UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8(text: string): Uint8Array {
  const w = new ByteWriter();
  w.text(text);
  return w.buf.slice(0, w.len);
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** One SHA-256 compression of the 64-byte block at `offset` of `p` into `h`, using `w` as schedule. */
function compress(h: Uint32Array, w: Uint32Array, p: Uint8Array, offset: number): void {
  for (let i = 0, j = offset; i < 16; i++, j += 4) w[i] = (p[j] << 24) | (p[j + 1] << 16) | (p[j + 2] << 8) | p[j + 3];
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15];
    const b = w[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = h[0];
  let b = h[1];
  let c = h[2];
  let d = h[3];
  let e = h[4];
  let f = h[5];
  let g = h[6];
  let hh = h[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

/** A SHA-256 computation fed in pieces (FIPS 180-4). */
class Sha256 {
  private readonly h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  private readonly w = new Uint32Array(64);
  private bytes = 0;

  /** Hashes the whole 64-byte blocks of p[0, len); returns how many bytes that was. */
  update(p: Uint8Array, len: number): number {
    const full = len & ~63;
    for (let offset = 0; offset < full; offset += 64) compress(this.h, this.w, p, offset);
    this.bytes += full;
    return full;
  }

  /** Hashes the last bytes (any number), the 0x80 marker and the length; returns the hex digest. */
  finish(rest: Uint8Array): string {
    const used = this.update(rest, rest.length);
    const left = rest.length - used;
    const total = this.bytes + left;
    const tail = new Uint8Array(left + 9 > 64 ? 128 : 64);
    tail.set(rest.subarray(used));
    tail[left] = 0x80;
    const bits = total * 8;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(tail.length - 4, bits >>> 0);
    for (let offset = 0; offset < tail.length; offset += 64) compress(this.h, this.w, tail, offset);
    let hex = '';
    for (let i = 0; i < 8; i++) hex += this.h[i].toString(16).padStart(8, '0');
    return hex;
  }
}

/** The SHA-256 digest of bytes, as 64 lowercase hex characters (FIPS 180-4). */
export function sha256Hex(message: Uint8Array): string {
  return new Sha256().finish(message);
}

/**
 * The content hash of a scenario: the first 16 hex characters of the SHA-256 of its canonical
 * JSON (sorted keys, no whitespace). Formatting and key order do not change it; any change of
 * content does. The canonical bytes are hashed as they are written (never held all at once).
 */
export function contentHash(scenario: Scenario): string {
  const sha = new Sha256();
  hashWriter.len = 0;
  hashWriter.drain = (buf, len) => sha.update(buf, len);
  try {
    write(scenario, hashWriter);
    return sha.finish(hashWriter.buf.subarray(0, hashWriter.len)).slice(0, 16);
  } finally {
    hashWriter.drain = null;
  }
}
