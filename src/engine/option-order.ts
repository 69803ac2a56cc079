/**
 * The order a decision's options are shown in. Options are shuffled so that a position (the
 * first option, key 1) says nothing about which option is best: the order is a pure function of
 * the run's seed and the step, so it differs per run and per visit of a node and is the same
 * after a reload, in a replay and on the direct-link page (src/boot/boot.ts repeats this code,
 * because the boot script may not import anything; boot.test.ts proves the two agree).
 *
 * An option with `"pinned": true` keeps its place among the options shown (for example
 * "Something else…" always last); the others are shuffled around it.
 */

/** A 32-bit hash of a string (FNV-1a), the seed of the order's random numbers. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Random numbers in [0, 1) from a 32-bit seed (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The options in the order a run shows them at one step: a Fisher–Yates shuffle seeded by
 * `seed` and the step's number (so a node visited twice is shuffled anew), pinned options kept
 * at their index. `seed` undefined (runs from before options were shuffled) keeps the file's order.
 */
export function orderOptions<T extends { pinned?: boolean }>(options: readonly T[], seed: string | undefined, step: number): T[] {
  if (seed === undefined) return [...options];
  const loose: number[] = [];
  for (let i = 0; i < options.length; i++) if (options[i].pinned !== true) loose.push(i);
  const random = seededRandom(hashSeed(`${seed}:${step}`));
  const picked = loose.slice();
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const x = picked[i];
    picked[i] = picked[j];
    picked[j] = x;
  }
  const out = options.slice();
  for (let k = 0; k < loose.length; k++) out[loose[k]] = options[picked[k]];
  return out;
}
