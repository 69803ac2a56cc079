/**
 * The xAPI side of Frontlijn for other launchers (a cmi5 launch, SCORM wrappers): build a run's
 * statements, send statements to an endpoint with an Authorization value, read them back, and
 * the outbox delivery the app uses. Connect the app's own outbox with `lrs.connect(...)`
 * (src/ui/state/lrs.svelte.ts) and `source: 'cmi5'`.
 */
export { sendStatements, getStatement, queryStatements, statementsUrl, sameStatement, XAPI_VERSION } from './lrs-client';
export type { LrsTarget, SendOutcome, StatementQuery } from './lrs-client';
export { Delivery } from './delivery';
export type { DeliveryState, DeliveryOptions } from './delivery';
export { connectionFromLaunch, launchParams, authFromKey, normaliseEndpoint, parseActor } from './launch';
export { RunStatements, buildStatements, playerAgent, teamGroup, registrationOf, statementId, DEFAULT_MASTERY_THRESHOLD } from './statements';
export type { StatementOptions } from './statements';
export type { XapiStatement, XapiAgent, XapiGroup } from './types';
export type { LrsConnection } from '../persistence/outbox';
