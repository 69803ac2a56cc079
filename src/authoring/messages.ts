/** Registers the authoring screens' UI strings (loaded with them, not with the game). */
import { registerMessages } from '../i18n';
import nl from '../i18n/author.nl.json';
import en from '../i18n/author.en.json';

registerMessages('author', { nl, en });
