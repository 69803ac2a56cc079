/**
 * How the validation messages name the authors' guide in the app: not scenarios/README.md, which
 * a manager in the browser never sees, but the complete guide she downloads from the guide card at
 * the top of the authoring screen, named as that card and screen are named (see MessageContext).
 */
import type { Lang } from '../engine/types';
import { formatMessage } from '../i18n/format';
import nl from '../i18n/author.nl.json';
import en from '../i18n/author.en.json';

/** The guide as the app offers it, in `lang`, to follow "in" or "following" in a message. */
export function guideInApp(lang: Lang): string {
  const words = lang === 'nl' ? nl : en;
  return formatMessage(words.guide.where, { heading: words.guide.heading, title: words.title }, lang);
}
