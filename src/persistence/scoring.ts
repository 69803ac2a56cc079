/**
 * Turns a finished run into its result row by replaying its log against the exact scenario
 * version it was played on. Replay is the source of truth: a score is never taken from a file.
 */
import { analyseScenario } from '../engine/analyse';
import { scoreRun as scoreLog } from '../engine/score';
import type { Analysis } from '../engine/contract';
import type { Run } from '../engine/types';
import type { RunResult, StoredScenario } from './api';
import { hasTimedDecision, timersOff } from './stats';

/** Computes a finished run's result, or null when it cannot be replayed (or is not finished). */
export type Scorer = ((run: Run, version: StoredScenario) => RunResult | null) & {
  /** Loads what the scorer needs; stores await it before opening a transaction that scores. */
  prepare?: () => Promise<void>;
};

const analyses = new Map<string, Analysis>();

function analysisOf(version: StoredScenario): Analysis {
  let a = analyses.get(version.hash);
  if (!a) {
    a = analyseScenario(version.scenario);
    if (analyses.size > 50) analyses.clear();
    analyses.set(version.hash, a);
  }
  return a;
}

export const scoreRun: Scorer = (run, version) => {
  if (run.finishedAt === undefined || run.scenarioHash !== version.hash) return null;
  try {
    const { state, finished, scores } = scoreLog(version.scenario, run, analysisOf(version));
    if (!finished || state.ending === null) return null;
    const result: RunResult = {
      runId: run.id,
      playerId: run.playerId,
      scenarioId: run.scenarioId,
      scenarioHash: run.scenarioHash,
      mode: run.mode,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      ending: state.ending,
      tone: version.scenario.endings[state.ending]?.tone ?? null,
      scores,
      steps: state.steps.map((s) => ({ node: s.node, option: s.option })),
    };
    if (run.startNode) result.startNode = run.startNode;
    if (run.mode === 'assessment' && timersOff(run) && hasTimedDecision(version.scenario)) result.timersOff = true;
    if (run.unverified) result.unverified = true;
    return result;
  } catch (e) {
    console.warn(`[frontlijn] run ${run.id} could not be replayed:`, e);
    return null;
  }
};
