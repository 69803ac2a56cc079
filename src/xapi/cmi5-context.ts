/**
 * The context of the game's own statements in a cmi5 launch, so that each is a "cmi5 allowed"
 * statement (cmi5 Quartz 7.1.3): the LMS's contextTemplate (LMS.LaunchData, section 10) is the
 * template and its values win — its session id extension, its publisher id activity in
 * `contextActivities.grouping`, anything else it holds; the game's own values are only added
 * where the template has none (our scenario activity joins the `parent` list, our extensions
 * join its extensions). The registration is the launch's (8.1, 9.6.1). Pure: no I/O.
 */
import type { XapiActivity, XapiContext, XapiContextActivities } from './types';

/** What a cmi5 launch gives the game's statements. */
export interface Cmi5Context {
  /** The LMS's registration (the launch parameter). */
  registration: string;
  /** LMS.LaunchData's contextTemplate, as read (unknown JSON: it is the LMS's). */
  contextTemplate: unknown;
}

/**
 * Only "cmi5 defined" statements carry these categories (9.6.2.1, 9.6.2.2): a "cmi5 allowed"
 * statement with one would be refused or voided by the LMS (6.3), so they are never taken over
 * from a template that wrongly holds them.
 */
export const CMI5_ONLY_CATEGORIES: readonly string[] = ['https://w3id.org/xapi/cmi5/context/categories/cmi5', 'https://w3id.org/xapi/cmi5/context/categories/moveon'];

const LISTS = ['parent', 'grouping', 'category', 'other'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A context activities list as xAPI allows it (an array, or one activity alone). */
function activities(v: unknown): XapiActivity[] {
  const list = Array.isArray(v) ? v : isRecord(v) ? [v] : [];
  return list.filter((a): a is XapiActivity => isRecord(a) && typeof a.id === 'string');
}

/** Our context on the launch's template: the template's values win, ours fill in what it lacks. */
export function cmi5Context(ours: XapiContext, launch: Cmi5Context): XapiContext {
  const template = isRecord(launch.contextTemplate) ? launch.contextTemplate : {};
  const theirs = isRecord(template.contextActivities) ? template.contextActivities : {};
  const lists: XapiContextActivities = {};
  for (const key of LISTS) {
    const kept = activities(theirs[key]);
    const ids = new Set(kept.map((a) => a.id));
    const merged = [...kept, ...(ours.contextActivities[key] ?? []).filter((a) => !ids.has(a.id))];
    const list = key === 'category' ? merged.filter((a) => !CMI5_ONLY_CATEGORIES.includes(a.id)) : merged;
    if (list.length) lists[key] = list;
  }
  return {
    ...ours,
    ...template,
    registration: typeof template.registration === 'string' ? template.registration : launch.registration,
    contextActivities: lists,
    extensions: { ...ours.extensions, ...(isRecord(template.extensions) ? template.extensions : {}) },
  } as XapiContext;
}
