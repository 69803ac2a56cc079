/**
 * An index from ids (node ids, ending ids) to small integers, reused from one analysis to the next.
 *
 * A `Map` of a 10,000-node file's ids allocated ~0.9 MB each time while it grew: garbage that made
 * a big file's validation far more likely to meet a young-generation collection, which then copies
 * the freshly parsed scenario (megabytes) and leaves it scattered in memory for every later pass.
 * This index is open addressing over arrays kept between calls, so filling it makes no garbage.
 * Ids are compared by content, so any string works. Synchronous use only: one index serves one
 * caller at a time (see analyse-scratch.ts).
 */
export class IdIndex {
  private keys: (string | undefined)[] = [];
  private values = new Int32Array(0);
  private mask = -1;
  private used = 0;

  /** Empties the index and makes room for `count` ids. */
  reset(count: number): void {
    let size = 16;
    while (size < count * 2) size *= 2;
    if (size > this.keys.length) {
      this.keys = new Array<string | undefined>(size).fill(undefined);
      this.values = new Int32Array(size);
    } else if (this.used > 0) {
      this.keys.fill(undefined);
    }
    this.mask = this.keys.length - 1;
    this.used = 0;
  }

  /** Forgets the ids (so that the index does not keep the last scenario's strings alive). */
  clear(): void {
    if (this.used > 0) this.keys.fill(undefined);
    this.used = 0;
  }

  private slotOf(id: string): number {
    // FNV-1a over the UTF-16 units; ids are short.
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    const keys = this.keys;
    const mask = this.mask;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const k = keys[slot];
      if (k === undefined || k === id) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Sets the value of `id` (as `Map.set` does: a second value for the same id replaces the first). */
  add(id: string, value: number): void {
    if (this.used * 2 >= this.keys.length) this.grow();
    const slot = this.slotOf(id);
    if (this.keys[slot] === undefined) {
      this.keys[slot] = id;
      this.used++;
    }
    this.values[slot] = value;
  }

  /** The value of `id`, or `otherwise` when the index does not hold it. */
  get(id: string, otherwise: number): number {
    if (this.used === 0) return otherwise;
    const slot = this.slotOf(id);
    return this.keys[slot] === undefined ? otherwise : this.values[slot];
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Array<string | undefined>(Math.max(16, keys.length * 2)).fill(undefined);
    this.values = new Int32Array(this.keys.length);
    this.mask = this.keys.length - 1;
    this.used = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined) this.add(k, values[i]);
    }
  }
}
