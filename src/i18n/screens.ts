/**
 * Messages of the screens that are loaded when opened (who, mode, report, settings), kept out of the
 * first bundle. Importing this module registers them (top-level keys `who.*`, `mode.*`, `report.*`,
 * `settings.*`).
 */
import { locale } from './index';
import nl from './screens.nl.json';
import en from './screens.en.json';

if (!locale.has('screens')) {
  locale.register('', { nl, en });
  locale.register('screens', { nl: {}, en: {} });
}
