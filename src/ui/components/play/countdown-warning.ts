/**
 * When a countdown warns that the time is nearly up: near the end only, the last quarter of the
 * time, at least 5 and at most 20 seconds. Countdown.svelte uses it; the direct-link page's boot
 * script repeats it (src/boot/boot.ts, countdownWarning: that script imports nothing) and
 * boot.test.ts proves the two agree.
 */
export function isWarning(left: number, total: number): boolean {
  return left > 0 && left <= Math.min(20_000, Math.max(5_000, total / 4));
}
