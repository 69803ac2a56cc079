/**
 * The first sentence the Received log gives a results file: what the import did, counted as the
 * sentences after it tell it, so they agree.
 */
import type { ImportOutcome } from '../../../persistence/api';
import type { LogMessage } from './received-log';

/**
 * The summary of a file's import. `refusedHere`: the file's changed runs whose genuine copy is
 * here (named after it as "already on this device"): counted as already here, never "none already
 * here" beside them.
 */
export function importSummary(o: ImportOutcome, refusedHere: number): LogMessage[] {
  const said: LogMessage[] = [{ key: 'teams.import.outcome', args: { added: o.runsAdded, updated: o.runsUpdated, skipped: o.runsSkipped + refusedHere, players: o.profilesAdded } }];
  if (o.runsApart > 0) said.push({ key: 'teams.import.outcome_apart', args: { count: o.runsApart } });
  if (o.runsUnverified > 0) said.push({ key: 'teams.import.outcome_unverified', args: { count: o.runsUnverified } });
  if (o.runsNowVerified > 0) said.push({ key: 'teams.import.outcome_now_verified', args: { count: o.runsNowVerified } });
  if (o.runsConflicting > 0) said.push({ key: 'teams.import.outcome_conflicting', args: { count: o.runsConflicting } });
  return said;
}
