/** Plays real scenarios with the engine for the persistence tests (no UI). */
import { readFileSync } from 'node:fs';
import { applyEvent, initialPlayState } from '../../engine';
import { validateScenario } from '../../engine/validate';
import { contentHash } from '../../engine/hash';
import type { Mode, Run } from '../../engine/types';
import type { StoredScenario } from '../api';

export function builtIn(id: string): StoredScenario {
  const source = readFileSync(new URL(`../../../scenarios/${id}.json`, import.meta.url), 'utf8');
  const v = validateScenario(source);
  if (!v.ok || !v.scenario) throw new Error(`${id} does not validate`);
  return { hash: contentHash(v.scenario), id, source, scenario: v.scenario, custom: false, storedAt: 1 };
}

/** A finished run that picks option `pick(i)` (modulo the available ones) at every decision. */
export function playThrough(version: StoredScenario, id: string, playerId: string | null, pick: (step: number) => number, mode: Mode = 'assessment', t0 = 1_700_000_000_000): Run {
  const run: Run = { formatVersion: 1, id, scenarioId: version.id, scenarioHash: version.hash, playerId, mode, timerScale: 0, startedAt: t0, events: [] };
  let state = initialPlayState(version.scenario, run);
  let at = t0;
  for (let i = 0; state.node !== null && i < 200; i++) {
    at += 1500;
    const options = state.available;
    const event = { type: 'choice.select' as const, node: state.node, option: options[pick(i) % options.length].id, at };
    state = applyEvent(version.scenario, state, event, run.events.length);
    run.events.push(event);
  }
  run.finishedAt = at;
  return run;
}
