declare module 'virtual:scenario-catalog' {
  import type { Ambience, Lang, Role, Setting, Text, Customer } from '../engine/types';
  /** What a scenario card needs, without the scenario's full text. */
  export interface CatalogEntry {
    id: string;
    /** Where the full scenario JSON is served. */
    url: string;
    title: Text;
    description: Text;
    setting: Setting;
    ambience: Ambience;
    estimatedMinutes: number | null;
    languages: Lang[];
    customer: { name: string; look: Customer['look'] | null } | null;
    tags: string[];
    /** The job it is for; the scenario list groups by it (null: "other"). */
    role: Role | null;
    /** The behaviours it trains, shown on the card. */
    trains: Text[];
    /** contentHash of the scenario, when the build computed it (saves hashing on the phone). */
    hash?: string;
    /**
     * Hashes of the earlier versions of this scenario the app shipped (scenarios/versions.txt):
     * a run played on one counts like a run on the current version, once the content it arrives
     * with hashes to it.
     */
    earlier: string[];
  }
  export const catalog: CatalogEntry[];
  export default catalog;
}
