/**
 * Puts a recorded message (message-args.ts) into words in Dutch or English: the one place that
 * picks a catalog. Every check records facts; validateScenario renders them in the language asked
 * for, and the English sentence is also kept on Findings and parse problems. Pure.
 */
import { FILE_GUIDE, type Catalog, type MessageContext, type MessageRef } from './message-args';
import type { Lang } from './types';
import { en } from './messages-en';
import { nlCatalog } from './messages-nl';

/** The message catalog of each language. */
export const CATALOGS: Record<Lang, Catalog> = { en, nl: nlCatalog };

/**
 * A recorded message, in the given language; `root` is the parsed file (to name options by id),
 * `guide` the authors' guide as the reader has it (ValidateOptions.guide; by default the file).
 */
export function messageText(lang: Lang, ref: MessageRef, root: unknown = null, guide: string = FILE_GUIDE.guide): string {
  const render = CATALOGS[lang][ref.key] as (args: unknown, root: unknown, context: MessageContext) => string;
  return render(ref.args, root, { guide });
}
