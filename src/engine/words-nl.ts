/**
 * Dutch words for validation messages: how to name a place in a scenario ("optie "b" van
 * knooppunt "greet"") and describe a value, what a field should be, the id patterns and the
 * fields' descriptions. The Dutch side of words-en.ts. Pure.
 */
import { q, suggest } from './messages';
import type { Words } from './words-en';

/** Dutch names of the languages, as used in "de Engelse tekst". */
const LANG_ADJ: Record<string, string> = { nl: 'Nederlandse', en: 'Engelse' };

/** Dutch names of the languages as nouns: "in het Engels". */
const LANG_NAMES_NL: Record<string, string> = { nl: 'Nederlands', en: 'Engels' };

/** "Engels" / "de taal "fr"" as a noun. */
export function langNameNl(code: string): string {
  return LANG_NAMES_NL[code] ?? `de taal ${q(code)}`;
}

/** "de Engelse" / "de taal "fr"" before a noun. */
export function langAdjNl(code: string): string {
  return LANG_ADJ[code] ?? `${q(code)}-`;
}

/** Field names as a Dutch-speaking author may write them, and the format's (English) name. */
const DUTCH_FIELDS: Record<string, string> = {
  stemming: 'mood',
  humeur: 'mood',
  warmte: 'warmth',
  initiatief: 'initiative',
  uitkomst: 'outcome',
  resultaat: 'outcome',
  vlaggen: 'flags',
  effecten: 'effects',
  tekst: 'text',
  volgende: 'next',
  naar: 'to',
  voorwaarde: 'when',
  situatie: 'situation',
  klant: 'customer',
  zegt: 'says',
  doet: 'does',
  gezicht: 'expression',
  opties: 'options',
  titel: 'title',
  beschrijving: 'description',
  naam: 'name',
  toon: 'tone',
  eindes: 'endings',
  knooppunten: 'nodes',
  talen: 'languages',
  speler: 'player',
  tijdslimiet: 'timeLimit',
  seconden: 'seconds',
  gewichten: 'weights',
  notities: 'notes',
};

/** The format's name of a field written in Dutch ("stemming" → "mood", also misspelt), when that field is allowed here. */
export function fieldFromDutch(key: string, allowed: string[]): string | null {
  const dutch = suggest(key, Object.keys(DUTCH_FIELDS)) ?? key.toLowerCase();
  const field = Object.prototype.hasOwnProperty.call(DUTCH_FIELDS, dutch) ? DUTCH_FIELDS[dutch] : null;
  return field !== null && allowed.includes(field) ? field : null;
}

/** The Dutch words of the messages (see EN_WORDS in words-en.ts). */
export const NL_WORDS: Words = {
  null: 'null (leeg)',
  list: (n) => `een lijst van ${n}`,
  emptyList: 'een lege lijst',
  text: (quoted) => `de tekst ${quoted}`,
  number: (n) => `het getal ${n}`,
  object: 'een object { … }',
  nothing: 'niets',
  node: (id) => `knooppunt ${id}`,
  option: (id, node) => `optie ${id} van ${node}`,
  nthOption: (n, node) => `de ${n}e optie van ${node}`,
  route: (n, owner) => `route ${n} van ${owner}`,
  timeLimit: (node) => `de tijdslimiet van ${node}`,
  ending: (id) => `einde ${id}`,
  nodes: 'het veld "nodes" (de knooppunten)',
  endings: 'het veld "endings" (de eindes)',
  customer: 'de klant ("customer")',
  scoring: 'het veld "scoring" (de score-instellingen)',
  scenario: 'het scenario',
  field: (field, owner) => `${field} van ${owner}`,
  textOf: (owner) => `tekst van ${owner}`,

  types: {
    string: 'een tekst tussen dubbele aanhalingstekens',
    number: 'een getal',
    integer: 'een heel getal',
    boolean: 'true of false',
    object: 'een object { … }',
    array: 'een lijst [ … ]',
  },
  otherType: 'iets anders',
  or: 'of',
  scenarioObject: 'een scenario-object { … }',
  homes: {
    Scenario: 'het scenario zelf (bovenaan het bestand)',
    DecisionNode: 'een beslisknooppunt',
    Option: 'een optie',
    Ending: 'een einde',
    Customer: 'de "customer" van het scenario',
    CustomerLine: 'de "customer" van een knooppunt, een einde of een tijdslimiet',
    TimeLimit: 'een "timeLimit"',
    Route: 'een route',
    Condition: 'een voorwaarde',
    Effects: '"effects"',
    Scoring: '"scoring"',
  },
  refs: {
    Text: 'een tekst (één tekst tussen dubbele aanhalingstekens, of één tekst per taal zoals {"nl": "…", "en": "…"})',
    Next: 'de id van een knooppunt of einde tussen dubbele aanhalingstekens, of een lijst routes zoals [{"when": {"mood": {"max": -3}}, "to": "walks-out"}, {"to": "checkout"}]',
    Condition: 'een voorwaarde-object zoals {"mood": {"max": -3}} of {"flags": {"offeredHelp": true}}',
    Effects: 'een object met effecten zoals {"warmth": 1, "outcome": 1, "mood": 1}',
    Route: 'een route-object zoals {"when": {"mood": {"max": -3}}, "to": "walks-out"}',
    Option: 'een optie-object met "id", "text", "effects", "feedback" en "next"',
    DecisionNode: 'een knooppunt-object met "situation" en "options"',
    Ending: 'een einde-object met "title", "text" en "tone"',
    CustomerLine: 'een object met wat de klant zegt ("says"), doet ("does") en hoe die kijkt ("expression")',
    TimeLimit: 'een tijdslimiet-object met "seconds" en "next"',
    Customer: 'een object dat de klant beschrijft, met minstens een "name"',
    Scoring: 'een object met "weights"',
    Lang: 'een taalcode ("nl" of "en")',
  },
  patterns: {
    '^[a-z0-9]+(-[a-z0-9]+)*$': 'mag alleen kleine letters, cijfers en losse streepjes daartussen bevatten (geen spaties), bijvoorbeeld "toy-shop-saturday"',
    '^[A-Za-z0-9_-]+$': 'mag alleen letters, cijfers, streepjes en liggende streepjes bevatten (geen spaties of accenten), bijvoorbeeld "greet-customer"',
    '^[A-Za-z][A-Za-z0-9_-]*$': 'moet met een letter beginnen en mag verder alleen letters, cijfers, streepjes en liggende streepjes bevatten, bijvoorbeeld "offeredHelp"',
    '^#[0-9a-fA-F]{6}$': 'moet een kleur zijn: # en zes hexadecimale tekens, bijvoorbeeld "#8a5a2b"',
  },
  otherPattern: (pattern) => `moet voldoen aan het patroon ${pattern}`,
  unquote: (value) => ` Schrijf ${value} zonder aanhalingstekens.`,
  quote: (value) => ` Zet het tussen dubbele aanhalingstekens: "${value}".`,
  brackets: ' Zet de onderdelen tussen [ en ].',
};

/**
 * The fields' descriptions (the first sentence of the schema's English description, as the
 * schema check quotes it) in Dutch. Keyed by the English sentence, so a field added to the schema
 * without a Dutch line is caught by messages.test.ts.
 */
export const FIELD_WORDS_NL: Record<string, string> = {
  'the scenario format version this file is written in': 'de versie van het scenarioformaat waarin dit bestand is geschreven',
  'a unique id of lowercase letters, digits and hyphens, e.g. "toy-shop-saturday"': 'een unieke id van kleine letters, cijfers en streepjes, bijvoorbeeld "toy-shop-saturday"',
  'the title on the scenario card': 'de titel op de scenariokaart',
  'one or two sentences on the scenario card': 'een of twee zinnen op de scenariokaart',
  'where it takes place: shop, station, terrace, tram, clothing, stop, phone or other': 'waar het zich afspeelt: shop, station, terrace, tram, clothing, stop, phone of other',
  'who the player is, e.g. "You work at the till of a toy shop."': 'wie de speler is, bijvoorbeeld "Je staat achter de kassa van een speelgoedwinkel."',
  'who the customer is': 'wie de klant is',
  'the languages every text in this file provides, e.g. ["nl", "en"]': 'de talen waarin elke tekst in dit bestand staat, bijvoorbeeld ["nl", "en"]',
  'the id of the first decision node': 'de id van het eerste beslismoment (knooppunt)',
  'the decision nodes, by id (letters, digits, hyphens and underscores)': 'de beslismomenten (knooppunten), op id (letters, cijfers, streepjes en liggende streepjes)',
  'the endings, by id; they share the id space with the nodes': 'de eindes, op id; ze delen hun ids met de knooppunten',
  'the customer\'s name, e.g. "Sanne"': 'de naam van de klant, bijvoorbeeld "Sanne"',
  'what the player sees happening (the scene, in the second person or neutral)': 'wat de speler ziet gebeuren (de scène, in de je-vorm of neutraal)',
  'the options, 2 to 4 of them': 'de opties, 2 tot 4 stuks',
  'a short title for the ending ("A customer for life")': 'een korte titel voor het einde ("Een klant voor het leven")',
  'what happens, told as the close of the story': 'wat er gebeurt, verteld als afsluiting van het verhaal',
  'how it feels: "fan", "neutral" or "lost"': 'hoe het voelt: "fan", "neutral" of "lost"',
  'a short id, unique within the node (e.g. "a", "greet-kids"); the run log refers to it': 'een korte id, uniek binnen het knooppunt (bijvoorbeeld "a", "greet-kids"); het spelverslag verwijst ernaar',
  'what the employee says or does, as the player reads it on the button': 'wat de medewerker zegt of doet, zoals de speler het op de knop leest',
  'where the story goes after this choice': 'waar het verhaal na deze keuze heen gaat',
  'the id of the node or ending to go to': 'de id van het knooppunt of einde waar het heen gaat',
  'seconds the player has at normal timer speed (5 to 300)': 'het aantal seconden dat de speler heeft bij normale timersnelheid (5 tot 300)',
  'where the story goes when the time runs out': 'waar het verhaal heen gaat als de tijd om is',
};
