/**
 * The timer speed of a run taken up again (a reload, a crash, "continue", a run taken over from
 * another tab). The run keeps what it had: the speed it started with and any "more time" or
 * "timer off" given during it (its log). The device's setting, which may have changed while the
 * run was closed, can still give more time (an accessibility need), never take any away:
 * - a timer turned off in the run stays off: a reload neither brings a countdown back nor hides
 *   an assessment's "played without a timer";
 * - a slower setting slows the run down (×1 → ×1.5 → ×10); a faster one leaves it as it is;
 * - the setting "off" turns a practice run's timer off, but gives an assessment only the slowest
 *   speed: turning the timer off in an assessment is noted on its report, so it is done only in
 *   the run's own countdown box, which says so first, and a reload never invents that note.
 */
import type { Mode, TimerScale } from '../../engine/types';

/** The speed a resumed run goes on at: its own, or the setting's when that gives more time (see above). */
export function resumedTimerScale(run: TimerScale, setting: TimerScale, mode: Mode): TimerScale {
  if (run === 0) return 0;
  if (setting === 0) return mode === 'coaching' ? 0 : 10;
  return setting > run ? setting : run;
}
