/**
 * Where a choice's main-thread time goes, from a Chrome trace: for each `frontlijn:choice` mark,
 * the renderer main thread's THREAD time (trace `tdur`, less sensitive to other processes on the
 * machine than wall time) from the task that handled the choice up to the task that marked
 * `frontlijn:situation-painted`, split by phase: script, style, layout, paint (pre-paint, paint,
 * layerize, commit) and the rest. Each trace event counts its own time only (its duration minus
 * its children's), so nothing is counted twice. Pure: used by scripts/trace-choices.ts.
 */

/** The fields of a Chrome trace event this module reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export const PHASES = ['script', 'style', 'layout', 'paint', 'other'] as const;
export type Phase = (typeof PHASES)[number];

/** One choice: wall time to the paint mark, and thread time per phase (all in ms). */
export interface ChoicePhases {
  wallMs: number;
  threadMs: Record<Phase, number>;
}

const SCRIPT = /^(FunctionCall|EventDispatch|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EvaluateScript|v8\.|V8\.)/;
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'PaintImage']);
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function phaseOf(name: string): Phase {
  if (name === 'UpdateLayoutTree') return 'style';
  if (name === 'Layout') return 'layout';
  if (PAINT.has(name)) return 'paint';
  return SCRIPT.test(name) ? 'script' : 'other';
}

/** The renderer's main thread: the one with the marks (a trace may hold several renderers). */
function mainThread(events: TraceEvent[]): string | null {
  const mark = events.find((e) => e.name === 'frontlijn:choice');
  return mark ? `${mark.pid}:${mark.tid}` : null;
}

/** Splits every choice in `events` (a trace of the play page) into phases. */
export function choicePhases(events: TraceEvent[]): ChoicePhases[] {
  const thread = mainThread(events);
  if (!thread) return [];
  const own = events.filter((e) => `${e.pid}:${e.tid}` === thread);
  const marks = (name: string) => own.filter((e) => e.name === name).map((e) => e.ts).sort((a, b) => a - b);
  const choices = marks('frontlijn:choice');
  const paints = marks('frontlijn:situation-painted');
  const complete = own.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = complete.filter((e) => TASK.has(e.name));
  const out: ChoicePhases[] = [];
  for (const choice of choices) {
    const painted = paints.find((p) => p > choice);
    if (painted === undefined) continue;
    // From the task the choice was made in, to the one that marks the paint (that one's work is
    // after the paint, bar the mark itself: left out).
    const first = tasks.find((t) => t.ts <= choice && t.ts + t.dur! >= choice);
    const from = first?.ts ?? choice;
    const inWindow = complete.filter((e) => e.ts >= from && e.ts + e.dur! <= painted);
    const threadMs = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
    // Own time: each event's thread time less its direct children's (the events are nested).
    const stack: TraceEvent[] = [];
    const ownUs = new Map<TraceEvent, number>();
    for (const e of inWindow) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur! <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      ownUs.set(e, e.tdur ?? 0);
      if (parent) ownUs.set(parent, ownUs.get(parent)! - (e.tdur ?? 0));
      stack.push(e);
    }
    for (const [e, us] of ownUs) if (!TASK.has(e.name)) threadMs[phaseOf(e.name)] += Math.max(0, us) / 1000;
    // A task's own time (scheduling, IPC) is "other".
    for (const [e, us] of ownUs) if (TASK.has(e.name)) threadMs.other += Math.max(0, us) / 1000;
    out.push({ wallMs: (painted - choice) / 1000, threadMs });
  }
  return out;
}
