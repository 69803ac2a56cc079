/**
 * The reading time a run's first timed decision gets before its countdown starts. A new hire
 * reading in their second language needs time to take in a scene that, in the shop, they would
 * see at a glance: the clock measures how quickly they act, not how quickly they read. Later
 * decisions continue a scene the player already knows, so their countdown starts when their
 * options are in view. Pure (no DOM): the app, the direct-link page's build (src/prerender) and
 * the tests compute the same figure.
 */
import { t as text } from '../../engine/text';
import type { DecisionNode, Lang } from '../../engine/types';

/** About 150 words a minute: a careful reader in a second language. */
export const READING_WORDS_PER_SECOND = 2.5;
/** Never more than this: the customer is still waiting. */
export const READING_MAX_MS = 20_000;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Milliseconds to read the situation and what the customer says and does (whole seconds). */
export function readingTimeMs(node: DecisionNode, lang: Lang): number {
  const n = words(text(node.situation, lang)) + words(text(node.customer?.says, lang)) + words(text(node.customer?.does, lang));
  return Math.min(READING_MAX_MS, Math.ceil(n / READING_WORDS_PER_SECOND) * 1000);
}
