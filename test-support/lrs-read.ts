/**
 * Reads the test LRS (Learning Locker's xapi-statements with in-memory models, started by
 * playwright.config.ts) so that a check sees every statement it holds: in one answer, never by
 * following `more`.
 *
 * Why not page: that LRS's `more` cursor is "the last statement's internal _id", and the next page
 * is every statement with a greater _id, sorted by `stored`. The _id is a uuid v1 string, which
 * starts with the low 32 bits of a 100 ns clock: its string order wraps every 2^32 × 100 ns =
 * 429.5 s. A listing that pages across such a wrap leaves out every statement stored after it for
 * up to 7 minutes (test-support/lrs-read.test.ts shows it). In a full e2e run the LRS holds more
 * than one page, and a check of "none lost" then saw statements missing that the LRS had stored.
 */
import { queryStatements, type LrsTarget, type StatementQuery } from '../src/xapi/lrs-client';

/** More than any test run stores; a query that still needs a second page fails instead of paging. */
export const ONE_ANSWER = 100_000;

/** Every statement matching the query, from one answer of the LRS; throws when it would need another. */
export async function allStatements(target: LrsTarget, query: StatementQuery = {}, limit = ONE_ANSWER): Promise<Record<string, unknown>[]> {
  let answers = 0;
  const once: typeof fetch = (input, init) => {
    if (++answers > 1) throw new Error(`The test LRS has more than ${limit} statements for this query; its paging loses statements (test-support/lrs-read.ts)`);
    return fetch(input, init);
  };
  return queryStatements(target, { ...query, limit }, once);
}
