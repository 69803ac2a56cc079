/**
 * The app's statement source: turns a run (with its scenario version, player and team, looked up
 * by the store in the write's transaction) into its xAPI statements with the builder, for the
 * outbox. Keeps one incremental builder per run, so a choice costs the statements of that choice,
 * not a replay of the whole log; after a reload the first write replays the log once.
 */
import { analyseScenario } from '../engine/analyse';
import type { Analysis } from '../engine/contract';
import type { Lang } from '../engine/types';
import { RunStatements, playerAgent, teamGroup } from './statements';
import type { XapiStatement } from './types';
import type { LrsConnection, StatementSource } from '../persistence/outbox';

export interface SourceOptions {
  /** The deployment's home page: names the accounts of players and teams. */
  homePage: string;
  /** The IRI the activities hang under (default homePage + "/xapi"). */
  base?: string;
  /** The language being played now. */
  lang: () => Lang;
  /** The connection (a launch's actor and mastery threshold apply). */
  connection: () => LrsConnection | null;
}

/** The statement source for the store's outbox. */
export function statementSource(o: SourceOptions): StatementSource {
  const base = o.base ?? `${o.homePage.replace(/\/+$/, '')}/xapi`;
  const runs = new Map<string, { hash: string; builder: RunStatements; statements: XapiStatement[]; last: string }>();
  // The builder's last event, to see whether a run's log still extends what was built (a write
  // that failed and was then made differently starts over).
  const lastOf = (events: readonly unknown[], n: number) => (n === 0 ? '' : JSON.stringify(events[n - 1]));
  const analyses = new Map<string, Pick<Analysis, 'ranges'>>();
  return (run, ctx) => {
    const version = ctx.version;
    // "Play from here" test runs are never compared, so never sent.
    if (!version || run.startNode !== undefined) return null;
    let entry = runs.get(run.id);
    if (!entry || entry.hash !== run.scenarioHash || entry.builder.eventsSeen > run.events.length || entry.last !== lastOf(run.events, entry.builder.eventsSeen)) {
      const connection = o.connection();
      const guest = run.playerId === null || ctx.profile?.guest === true;
      const actor = connection?.actor ?? playerAgent(o.homePage, run.playerId ?? `guest-${run.id}`, guest ? undefined : ctx.profile?.name);
      const builder = new RunStatements(version.scenario, run, {
        base,
        actor,
        team: ctx.team ? teamGroup(o.homePage, ctx.team.id, ctx.team.name) : undefined,
        lang: o.lang(),
        masteryThreshold: connection?.masteryThreshold,
        cmi5: connection?.cmi5,
        analysis: () => {
          let a = analyses.get(version.hash);
          if (!a) {
            a = analyseScenario(version.scenario);
            analyses.set(version.hash, a);
          }
          return a;
        },
      });
      entry = { hash: run.scenarioHash, builder, statements: [], last: '' };
      if (runs.size > 200) runs.clear();
      runs.set(run.id, entry);
    }
    entry.statements.push(...entry.builder.advance(run));
    entry.last = lastOf(run.events, entry.builder.eventsSeen);
    return entry.statements;
  };
}
