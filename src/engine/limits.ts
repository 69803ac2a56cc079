/**
 * Limits that hold everywhere a scenario's ids travel: the validator enforces them, and runs,
 * links and the device's store keep exactly what they allow (persistence/restore.ts).
 */

/** The longest id of a scenario, node, ending or option. */
export const MAX_ID_LENGTH = 80;

/**
 * The most decision nodes a scenario may have (and, separately, the most endings). Real scenarios
 * have 10 to 200 nodes; a larger file is refused with a sentence saying so (too-many-nodes).
 * The schema's `maxProperties` of `nodes` and `endings` (types.ts) says the same.
 */
export const MAX_NODES = 2_000;
