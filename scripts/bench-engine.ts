/**
 * Engine speed figures (issue 13): for generated scenarios of 100 and 1,000 decision nodes, the
 * time to validate the file's text (parse, schema, references, graph analysis, test-wiseness)
 * and to compile it to an XState machine, and the analysis alone (a part of validation). Median
 * of several runs after a warm-up. Targets: validate + compile under 5 ms at 100 nodes and under
 * 50 ms at 1,000. Run standalone with `npx tsx scripts/bench-engine.ts`; `scripts/bench.ts`
 * imports `runEngineBench`.
 */
import { loadavg } from 'node:os';
import { generateScenario } from '../test-support/generate';
import { validateScenario } from '../src/engine/validate';
import { compileScenario } from '../src/engine/compile';
import { analyseScenario } from '../src/engine/analyse';

/** One line of the engine bench. */
export interface BenchRow {
  /** Decision nodes in the generated scenario. */
  nodes: number;
  /** Size of the file's text in bytes (compact JSON). */
  bytes: number;
  /** Reachable (node, mood, flags) states the analysis explored. */
  states: number;
  /** validateScenario(text) (median ms). */
  validateMs: number;
  /** compileScenario(scenario) (median ms). */
  compileMs: number;
  /** analyseScenario(scenario) alone (median ms); already included in validateMs. */
  analyseMs: number;
  /** validateMs + compileMs: what loading a scenario costs. */
  totalMs: number;
  /** The same in CPU time of this process (median): less disturbed when other work shares the machine. */
  totalCpuMs: number;
  runs: number;
  /** The machine's 1-minute load average while measuring (2 cores: above 2 the figures wait for a CPU). */
  load: number;
}

/** The sizes measured and the total time each should stay under (ms). */
const TARGETS: Record<number, number> = { 100: 5, 1_000: 50 };

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function cpuTime(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** Runs the engine bench and returns one row per scenario size. */
export async function runEngineBench(options: { sizes?: number[]; runs?: number } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const nodes of options.sizes ?? Object.keys(TARGETS).map(Number)) {
    rows.push(benchSize(nodes, options.runs ?? 15));
    await new Promise((r) => setTimeout(r, 0));
  }
  return rows;
}

function benchSize(nodes: number, runs: number): BenchRow {
  const text = JSON.stringify(generateScenario({ nodes, seed: 7 }));
  const first = validateScenario(text);
  if (!first.ok || !first.scenario || !first.analysis) {
    throw new Error(`the generated ${nodes}-node scenario does not validate: ${first.problems[0]?.message ?? 'unknown'}`);
  }
  const scenario = first.scenario;
  for (let i = 0; i < 3; i++) compileScenario(validateScenario(text).scenario!);
  const v: number[] = [];
  const c: number[] = [];
  const a: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    v.push(time(() => validateScenario(text)));
    c.push(time(() => compileScenario(scenario)));
    a.push(time(() => analyseScenario(scenario)));
    cpu.push(cpuTime(() => compileScenario(validateScenario(text).scenario!)));
  }
  const validateMs = median(v);
  const compileMs = median(c);
  return {
    nodes,
    bytes: Buffer.byteLength(text),
    states: first.analysis.stateCount,
    validateMs,
    compileMs,
    analyseMs: median(a),
    totalMs: validateMs + compileMs,
    totalCpuMs: median(cpu),
    runs,
    load: loadavg()[0],
  };
}

/** The rows as a table, with each size's target. */
export function formatBench(rows: BenchRow[]): string {
  const lines = ['nodes    file KB   states   validate  compile  (analyse)   total  total CPU   target'];
  for (const r of rows) {
    const target = TARGETS[r.nodes];
    lines.push(
      [
        r.nodes.toLocaleString('en').padStart(6),
        (r.bytes / 1024).toFixed(0).padStart(9),
        r.states.toLocaleString('en').padStart(8),
        `${r.validateMs.toFixed(1)} ms`.padStart(10),
        `${r.compileMs.toFixed(1)} ms`.padStart(9),
        `(${r.analyseMs.toFixed(1)} ms)`.padStart(11),
        `${r.totalMs.toFixed(1)} ms`.padStart(9),
        `${r.totalCpuMs.toFixed(1)} ms`.padStart(11),
        target ? `   < ${target} ms — ${r.totalMs < target ? 'met' : 'NOT met'}` : '',
      ].join(''),
    );
  }
  const load = Math.max(...rows.map((r) => r.load));
  if (load > 2) lines.push(`note: load average ${load.toFixed(1)} on this 2-core machine while measuring; wall times include waiting for a CPU.`);
  return lines.join('\n');
}

const standalone = typeof process !== 'undefined' && process.argv[1] && /bench-engine\.ts$/.test(process.argv[1]);
if (standalone) {
  runEngineBench()
    .then((rows) => console.log(formatBench(rows)))
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
