/**
 * The scenario list, grouped by the job a scenario is for (its "role"), in a fixed order a
 * trainer can scan: shop floor, counter, hospitality, public transport, on the phone, and last
 * "other" for scenarios that name no role (or one this version does not know).
 */
import { ROLES, type Role } from '../../engine/types';

export type RoleGroupKey = Role | 'other';

export interface RoleGroup<T> {
  role: RoleGroupKey;
  entries: T[];
}

/** Groups entries by role, keeping their order within a group; empty groups are left out. */
export function groupByRole<T extends { role?: Role | null }>(entries: readonly T[]): RoleGroup<T>[] {
  const order: RoleGroupKey[] = [...ROLES, 'other'];
  const groups = order.map((role) => ({ role, entries: [] as T[] }));
  for (const e of entries) {
    const i = e.role && (ROLES as readonly string[]).includes(e.role) ? ROLES.indexOf(e.role) : ROLES.length;
    groups[i].entries.push(e);
  }
  return groups.filter((g) => g.entries.length > 0);
}
