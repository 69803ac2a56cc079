/**
 * The part of xAPI 1.0.3 that Frontlijn writes: statements as plain JSON data. Only the fields
 * the builder sets are typed; an LRS may add more (stored, authority, version) on reading.
 */

/** A language map: RFC 5646 tag → text. */
export type LanguageMap = Record<string, string>;

/** An account on a system: `homePage` names the system, `name` the stable id there. */
export interface XapiAccount {
  homePage: string;
  name: string;
}

/** The player: an Agent with an account (or an mbox, only when the deployment provides one). */
export interface XapiAgent {
  objectType: 'Agent';
  name?: string;
  account?: XapiAccount;
  mbox?: string;
}

/** A team: an identified Group (by account), so an LRS can be queried per team. */
export interface XapiGroup {
  objectType: 'Group';
  name?: string;
  account: XapiAccount;
}

export interface XapiChoice {
  id: string;
  description: LanguageMap;
}

export interface XapiActivityDefinition {
  name?: LanguageMap;
  description?: LanguageMap;
  type?: string;
  interactionType?: 'choice';
  choices?: XapiChoice[];
  extensions?: Record<string, unknown>;
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: XapiActivityDefinition;
}

export interface XapiVerb {
  id: string;
  display: LanguageMap;
}

export interface XapiScore {
  scaled: number;
  raw: number;
  min: number;
  max: number;
}

export interface XapiResult {
  response?: string;
  success?: boolean;
  completion?: boolean;
  duration?: string;
  score?: XapiScore;
  extensions?: Record<string, unknown>;
}

/** The four lists of context activities (a cmi5 context template may fill any of them). */
export interface XapiContextActivities {
  parent?: XapiActivity[];
  grouping?: XapiActivity[];
  category?: XapiActivity[];
  other?: XapiActivity[];
}

export interface XapiContext {
  registration: string;
  revision: string;
  language: string;
  team?: XapiGroup;
  contextActivities: XapiContextActivities;
  extensions: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: XapiVerb;
  object: XapiActivity;
  result?: XapiResult;
  context: XapiContext;
  timestamp: string;
}
