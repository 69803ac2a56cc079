import { describe, expect, it } from 'vitest';
import { choicePhases, type TraceEvent } from './choice-phases';

const main = { pid: 1, tid: 7 };
const x = (name: string, ts: number, dur: number, tdur = dur): TraceEvent => ({ name, ph: 'X', ts, dur, tdur, ...main });
const mark = (name: string, ts: number): TraceEvent => ({ name, ph: 'R', ts, ...main });

describe('choicePhases', () => {
  it('splits one choice into phases, each event counting only its own thread time', () => {
    const events: TraceEvent[] = [
      // the click's task: the handler (1 ms, of which 0.2 forced style), the microtasks with a layout
      x('RunTask', 0, 10_000, 9_000),
      x('EventDispatch', 100, 8_000, 7_500),
      x('FunctionCall', 200, 1_000, 1_000),
      x('UpdateLayoutTree', 500, 200, 200),
      mark('frontlijn:choice', 300),
      x('RunMicrotasks', 1_300, 6_000, 6_000),
      x('Layout', 4_000, 2_000, 2_000),
      // the frame
      x('RunTask', 20_000, 5_000, 4_000),
      x('Paint', 21_000, 3_000, 3_000),
      // the task that marks the paint, and what it does after: not counted
      x('RunTask', 30_000, 8_000, 8_000),
      mark('frontlijn:situation-painted', 30_100),
      // another renderer's thread: ignored
      { ...x('Layout', 21_000, 9_000), tid: 99 },
    ];
    const [c] = choicePhases(events);
    expect(c.wallMs).toBeCloseTo(29.8);
    expect(c.threadMs.layout).toBeCloseTo(2);
    expect(c.threadMs.style).toBeCloseTo(0.2);
    expect(c.threadMs.paint).toBeCloseTo(3);
    // EventDispatch 7.5 − 1 − 6 = 0.5, FunctionCall 1 − 0.2 = 0.8, RunMicrotasks 6 − 2 = 4
    expect(c.threadMs.script).toBeCloseTo(5.3);
    // the tasks' own time: 9 − 7.5 and 4 − 3
    expect(c.threadMs.other).toBeCloseTo(2.5);
  });

  it('gives nothing for a trace without the marks, and skips a choice never painted', () => {
    expect(choicePhases([x('RunTask', 0, 10)])).toEqual([]);
    expect(choicePhases([x('RunTask', 0, 1_000), mark('frontlijn:choice', 10)])).toEqual([]);
  });
});
