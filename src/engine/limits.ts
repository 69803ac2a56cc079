/**
 * Limits that hold everywhere a scenario's ids travel: the validator enforces them, and runs,
 * links and the device's store keep exactly what they allow (persistence/restore.ts).
 */

/** The longest id of a scenario, node, ending or option. */
export const MAX_ID_LENGTH = 80;
