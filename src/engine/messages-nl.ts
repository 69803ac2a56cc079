/**
 * De Nederlandse validatiemeldingen: per probleemcode één zin voor een winkelmanager, met
 * dezelfde informatie als de Engelse (messages-en.ts): wat er mis is, waar, en hoe je het
 * oplost. Gebouwd uit de feiten die de controles vastleggen (message-args.ts) en de Nederlandse
 * woorden van words-nl.ts. Pure.
 */
import type { JsonPath } from './contract';
import type { Catalog, ChoiceRef, Found, FoundHint, StateRef, UnsetFlag, Why, WordFix } from './message-args';
import { describePath, describeValue, didYouMean, expected, formatSize, hex, idList, listOf, patternHint, perLanguage, q, sentence, short, textName, typeFix } from './messages';
import { FIELD_WORDS_NL, langAdjNl, langNameNl, NL_WORDS } from './words-nl';
import { t } from './text';

const WORD_FIXES: Record<WordFix, string> = {
  'lowercase-true': 'schrijf true in kleine letters',
  'lowercase-false': 'schrijf false in kleine letters',
  null: 'schrijf null, of laat het veld weg',
  'leave-out': 'laat het veld dan weg',
  number: 'schrijf een getal',
};

const HINTS: Record<FoundHint, string> = {
  comma: ' Misschien staat er een komma te veel, of ontbreekt er een waarde vóór de komma.',
  close: ' Er ontbreekt een waarde na de ":" of ",".',
  curly: ' Krulletjes-aanhalingstekens (“ ”) zijn geen JSON: gebruik rechte dubbele aanhalingstekens (").',
  quotes: ' Tekst moet tussen rechte dubbele aanhalingstekens staan, bijvoorbeeld "hallo".',
};

const found = (f: Found): string => f ?? 'het einde van het bestand';

/** Meer krulletjes dan dit ene paar: een editor zoals Word heeft alle aanhalingstekens omgezet. */
const curlyAll = (n: number | undefined): string =>
  n !== undefined && n > 2
    ? ` Dit bestand heeft er ${n}: heeft je editor (bijvoorbeeld Word) alle aanhalingstekens krul gemaakt, vervang dan “ en ” overal in één keer door " ` +
      '(Zoeken en vervangen, Ctrl+H) en zet de ‘slimme aanhalingstekens’ uit; binnen een tekst mogen ‘ ’ blijven.'
    : '';
const nl = (n: number): string => n.toLocaleString('nl');
const place = (root: unknown, path: JsonPath): string => describePath(root, path, NL_WORDS);
const value = (v: unknown): string => describeValue(v, NL_WORDS);
/** The scores as the game names them (Warmte, Initiatief, Resultaat in src/i18n), in lowercase. */
const DIMENSIONS_NL: Record<string, string> = { warmth: 'warmte', initiative: 'initiatief', outcome: 'resultaat' };
const dim = (d: string): string => DIMENSIONS_NL[d] ?? d;

/** Lists of ids: quoted, at most 6 then "nog n". */
const ids = (items: string[]): string => idList(items, (n) => `nog ${n}`, 'en');

const state = (s: StateRef): string =>
  s.flags.length ? `stemming ${s.mood} en ${s.flags.length > 1 ? 'de vlaggen' : 'de vlag'} ${ids(s.flags)} aan` : `stemming ${s.mood}, zonder vlaggen`;
const choiceName = (c: ChoiceRef): string => (c.option === null ? `de time-out van knooppunt ${q(c.node)}` : `optie ${q(c.option)} van knooppunt ${q(c.node)}`);

function why(w: Why): string {
  if (w.kind === 'conditions') return 'de opties en routes die erheen leiden gelden op geen enkele weg door het verhaal (kijk hun voorwaarden na)';
  if (w.kind === 'via') return `alleen knooppunt ${q(w.node)} leidt erheen, en dat is zelf ook onbereikbaar`;
  return 'geen enkele optie, route of time-out leidt erheen';
}

const LOOP_FIX = 'Zorg dat de lus niet herhaald kan worden (bijvoorbeeld met een vlag die je de eerste keer zet en een voorwaarde daarop), of laat hem doorlopen naar een einde.';
const loopWhere = (nodes: string[]): string => (nodes.length === 1 ? `knooppunt ${q(nodes[0])} leidt terug naar zichzelf` : `de knooppunten ${ids(nodes)} leiden naar elkaar terug`);
const bracket = (list: boolean): string => (list ? ']' : '}');

/** Waarom een voorwaarde op vlaggen die niets zet nooit geldt, en hoe je het oplost (meestal een tikfout). */
function unsetFlagsNl(unset: UnsetFlag[]): string {
  const one = unset.length === 1;
  const hints = unset.filter((u) => u.suggestion !== null).map((u) => (one ? q(u.suggestion as string) : `${q(u.suggestion as string)} voor ${q(u.flag)}`));
  return (
    `de voorwaarde vraagt ${one ? 'de vlag' : 'de vlaggen'} ${ids(unset.map((u) => u.flag))}, maar geen enkele optie of time-out zet ${one ? 'die vlag' : 'die vlaggen'}` +
    (hints.length ? ` — bedoel je ${listOf(hints, 'of')}? Verbeter de naam in de voorwaarde, of zet ${one ? 'de vlag' : 'ze'}` : `. Zet ${one ? 'de vlag' : 'ze'}`) +
    ` in de "effects" van de optie die deze weg moet openen: "flags": {${q(unset[0].flag)}: true}.`
  );
}

/** De Nederlandse zin voor elke meldingssleutel. */
export const nlCatalog: Catalog = {
  'json-too-many-problems': (a) => `meer dan ${a.max} schrijffouten in de JSON: los deze eerst op en controleer het bestand dan opnieuw.`,
  'json-comment': (a) =>
    a.unclosed
      ? 'een opmerking "/*" wordt nooit afgesloten met "*/" (en JSON staat geen opmerkingen toe): haal hem weg.'
      : 'JSON staat geen opmerkingen toe: haal deze weg. Aantekeningen voor andere schrijvers kun je in het veld "notes" van een knooppunt zetten.',
  'json-unterminated-string': (a) =>
    a.atLineEnd
      ? `niet afgesloten tekst: de tekst die op regel ${a.line} begint, heeft vóór het einde van de regel geen sluitend dubbel aanhalingsteken ("). Zet het aanhalingsteken erbij; schrijf \\n voor een nieuwe regel binnen een tekst.`
      : `niet afgesloten tekst: de tekst die hier begint (regel ${a.line}) heeft geen sluitend dubbel aanhalingsteken (").`,
  'json-invalid-escape': (a) =>
    `"\\${a.char}" is geen geldige escape in een JSON-tekst: schrijf "\\\\" voor een backslash, "\\"" voor een aanhalingsteken en "\\n" voor een nieuwe regel.`,
  'json-control-character': (a) =>
    a.tab ? 'een tab binnen een tekst mag niet in JSON: schrijf \\t of een spatie.' : 'een onzichtbaar stuurteken binnen een tekst mag niet in JSON: haal het weg.',
  'json-single-quotes': (a) =>
    a.value === null
      ? `tekst moet tussen dubbele aanhalingstekens (") staan, niet tussen enkele ('), en deze wordt op regel ${a.line} niet afgesloten.`
      : `tekst moet tussen dubbele aanhalingstekens staan, niet tussen enkele: schrijf "${a.value}".`,
  'json-invalid-number': (a) =>
    `"${a.raw}" is geen geldig JSON-getal: schrijf getallen zoals 12, -3 of 0.5 (met een punt, geen "+" of nullen vooraan, en cijfers aan beide kanten van de punt).`,
  'json-syntax': (a) => {
    switch (a.kind) {
      case 'word':
        return `"${a.word}" is geen JSON-waarde: ${WORD_FIXES[a.fix]}.`;
      case 'bare-word':
        return `de tekst ${a.word} moet tussen dubbele aanhalingstekens staan: schrijf "${a.word}".`;
      case 'value-expected':
        return `hier hoort een waarde te staan, maar er staat ${found(a.found)}.${HINTS[a.hint]}${curlyAll(a.curly)}`;
      case 'key-expected':
        return `hier hoort een veldnaam tussen dubbele aanhalingstekens te staan, maar er staat ${found(a.found)}.${HINTS[a.hint]}${curlyAll(a.curly)}`;
      case 'colon-expected':
        return `na de veldnaam "${a.key}" hoort een dubbele punt ":" te staan, maar er staat ${found(a.found)}.`;
      case 'comma-expected':
        return `na de waarde op regel ${a.line} hoort een komma of "${bracket(a.list)}" te staan, maar er staat ${found(a.found)}.`;
    }
  },
  'json-empty': () => 'het bestand is leeg: een scenariobestand begint met "{" en eindigt met "}".',
  'json-trailing-text': (a) =>
    `er staat nog tekst na het einde van het scenario (na regel ${a.line}): ` +
    'het hele scenario moet één object tussen "{" en "}" zijn. Haal de extra tekst weg, of kijk of er een "}" te veel staat.',
  'json-too-deep': (a) =>
    `in het bestand zitten objecten en lijsten hier meer dan ${a.max} niveaus diep in elkaar, dus het is niet verder gelezen. ` +
    'Zo diep nesten is in een scenario nooit nodig: kijk of er haakjes geopend maar nooit gesloten worden, of maak de voorwaarden eenvoudiger.',
  'json-unexpected-end': (a) =>
    a.list === null
      ? 'het bestand houdt op waar een waarde hoort te staan: het lijkt afgebroken, of er ontbreekt een sluitende "}" of "]".'
      : `het bestand houdt op voordat ${a.list ? 'de lijst' : 'het object'} dat op regel ${a.line} begint, is afgesloten met "${bracket(a.list)}".`,
  'json-unquoted-key': (a) => `de veldnaam ${a.key} moet tussen dubbele aanhalingstekens staan: schrijf "${a.key}".`,
  'json-missing-colon': (a) => `na de veldnaam "${a.key}" ontbreekt een dubbele punt ":".`,
  'forbidden-key': (a) => `de veldnaam "${a.key}" is niet toegestaan (die kan de werking van het programma veranderen) en is genegeerd: geef hem een andere naam of haal hem weg.`,
  'duplicate-key': (a) =>
    a.within
      ? `er zijn twee ${a.within === 'nodes' ? 'knooppunten' : 'eindes'} met de id "${a.key}" (het eerste op regel ${a.line}): alleen dit laatste zou tellen, het eerste gaat verloren. ` +
        `Heb je er een gekopieerd? Geef de kopie een eigen id, en zet die id in de "next" die ernaar moet leiden.`
      : `het veld "${a.key}" staat twee keer in hetzelfde object (de eerste keer op regel ${a.line}): alleen de laatste zou tellen. Haal er één weg, of geef één van beide een andere naam.`,
  'json-trailing-comma': (a) =>
    a.list
      ? `er staat een komma na het laatste onderdeel van de lijst op regel ${a.line}: haal hem weg (JSON staat geen komma vóór "]" toe).`
      : `er staat een komma na het laatste veld op regel ${a.line}: haal hem weg (JSON staat geen komma vóór "}" toe).`,
  'json-missing-comma': (a) => `na de waarde op regel ${a.line} ontbreekt een komma: zet een "," tussen de ${a.list ? 'onderdelen van de lijst' : 'velden'}.`,
  'file-too-large': (a) =>
    `het bestand is ${formatSize(a.bytes).replace('.', ',')}, meer dan de grens van 5 MB, dus het is niet gelezen. ` +
    'Een scenario is normaal veel kleiner: verdeel het over meerdere scenario’s, of kijk of er per ongeluk een afbeelding of andere gegevens in geplakt zijn.',
  'not-text': (a) =>
    ({
      word:
        'dit is een Word-document (of een ander ingepakt bestand: .docx, .odt, .zip), geen platte tekst. ' +
        'Open het in Word, kopieer alle tekst naar Kladblok (op een Mac: TextEdit, in platte tekst) en sla het daar op met een naam die eindigt op .json.',
      pdf: 'dit is een pdf, geen platte tekst. Importeer het scenariobestand zelf: een bestand met platte tekst waarvan de naam eindigt op .json.',
      rtf:
        'dit bestand is opgeslagen als opgemaakte tekst (RTF, zoals WordPad en TextEdit standaard doen), niet als platte tekst. ' +
        'Sla het op als platte tekst (TextEdit: Opmaak › Maak platte tekst; WordPad: Opslaan als › Tekstdocument), met een naam die eindigt op .json.',
      binary: 'dit is geen tekstbestand: er staan bytes in die geen tekst zijn. Heb je het juiste bestand gekozen? Een scenario is een bestand met platte tekst waarvan de naam eindigt op .json.',
    })[a.kind],
  'invalid-utf8': (a) =>
    a.byte === null
      ? 'het bestand is geen geldige UTF-8-tekst: sla het op als UTF-8.'
      : `ongeldige UTF-8: byte ${hex(a.byte)} op byte-positie ${a.offset} is geen geldige UTF-8-tekst.` +
        (a.ansi === null ? '' : ` In Windows-1252 (ANSI) is deze byte "${a.ansi}", dus het bestand is waarschijnlijk in die codering opgeslagen.`) +
        ' Sla het bestand op als UTF-8 (in VS Code: "Save with Encoding" → UTF-8) en kijk de tekens rond deze plek na.',

  'condition-as-text': (a, root) =>
    `${place(root, a.at)} is als tekst geschreven (${q(a.value)}), maar voorwaarden zijn gestructureerde gegevens, nooit code of formules. ` +
    'Schrijf bijvoorbeeld {"mood": {"max": -3}} (stemming -3 of lager) of {"flags": {"offeredHelp": true}}.',
  'wrong-type': (a, root) => `${place(root, a.at)} is ${value(a.value)}, maar hier hoort ${expected(a.expected, NL_WORDS)} te staan.${a.type ? typeFix(a.type, a.value, NL_WORDS) : ''}`,
  'invalid-value': (a, root) =>
    `${place(root, a.at)} is ${value(a.value)}, en dat mag niet: gebruik ${listOf(a.allowed.map(q), 'of')}${didYouMean(String(a.value), a.allowed, 'bedoel je') || '.'}`,
  'not-whole-number': (a, root) =>
    Number.isFinite(a.value)
      ? `${place(root, a.at)} is ${a.value}, maar moet een heel getal zijn (zoals ${Math.round(a.value)}).`
      : `${place(root, a.at)} is een veel te groot getal, maar moet een gewoon heel getal zijn (zoals 1).`,
  'out-of-range': (a, root, c) => {
    const range = a.max === undefined ? `minstens ${a.min}` : a.min === undefined ? `hoogstens ${a.max}` : `van ${a.min} tot en met ${a.max}`;
    return `${place(root, a.at)} is ${a.value}, maar moet ${range} zijn.${a.rubric ? ` De scoringsregels gebruiken -2 tot en met +2 (zie "De scoringsregels" in ${c.guide}).` : ''}`;
  },
  'empty-value': (a, root) => `${place(root, a.at)} is leeg: schrijf hier ${FIELD_WORDS_NL[a.what] ?? 'een waarde'}.`,
  'invalid-format': (a, root) => `${place(root, a.at)} is ${q(a.value)}, en dat is niet geldig: het ${patternHint(a.pattern, NL_WORDS)}.`,
  'too-few-options': (a, root) =>
    `${place(root, a.at.slice(0, -1))} heeft ${a.count === 1 ? '1 optie' : `${a.count} opties`}, maar een beslissing heeft er ${a.min} tot ${a.max} nodig: voeg er ${a.min - a.count === 1 ? 'nog een' : 'meer'} toe.`,
  'too-few-items': (a, root) =>
    a.map
      ? `in ${place(root, a.at)} staat ${a.count ? 'te weinig' : 'niets'}: voeg er minstens ${a.min} toe (${FIELD_WORDS_NL[a.what] ?? a.what}).`
      : `${place(root, a.at)} heeft ${a.count} ${a.count === 1 ? 'onderdeel' : 'onderdelen'}, maar er zijn er minstens ${a.min} nodig.`,
  'too-many-options': (a, root) =>
    `${place(root, a.at.slice(0, -1))} heeft ${a.count} opties, maar er mogen er hoogstens ${a.max} zijn: haal de zwakste weg, of verdeel de beslissing over twee knooppunten.`,
  'too-many-items': (a, root) => `${place(root, a.at)} heeft ${a.count} onderdelen, maar er mogen er hoogstens ${a.max} zijn: haal er een paar weg.`,
  'duplicate-item': (a, root) => `${place(root, a.at.slice(0, -1))} noemt ${value(a.value)} twee keer: haal er een weg.`,
  'missing-field': (a, root) => {
    const what = FIELD_WORDS_NL[a.what];
    if (a.wrote) return `${place(root, a.at)} heeft geen ${q(a.name)}: je schreef ${q(a.wrote)}; veldnamen zijn Engels: schrijf ${q(a.name)}.`;
    return `${place(root, a.at)} heeft geen ${q(a.name)}: voeg het toe${what ? ` — ${what}` : ''}.`;
  },
  'unknown-field': (a, root) => {
    const suggestion = didYouMean(a.key, a.allowed, 'bedoel je');
    const fix = suggestion
      ? `${suggestion} Velden met een onbekende naam worden genegeerd.`
      : `: het wordt genegeerd. De velden die hier mogen, zijn ${listOf(a.allowed.map(q), 'en')}.`;
    return `onbekend veld ${q(a.key)} in ${place(root, a.at.slice(0, -1))}${fix}`;
  },
  'misplaced-field': (a, root) =>
    `${q(a.key)} is geen veld van ${place(root, a.at.slice(0, -1))}: het hoort in ${listOf(a.homes.map((h) => NL_WORDS.homes[h] ?? h), 'of')}, dus hier wordt het genegeerd. Zet het daar, of haal het weg.`,
  'unknown-effect': (a, root) =>
    `in ${place(root, a.at.slice(0, -1))} staat ${q(a.key)}, en dat is geen effect: effecten bepalen de score, dus hier mogen alleen ${listOf(a.allowed.map(q), 'en')} staan${didYouMean(a.key, a.allowed, 'bedoel je') || '.'}`,
  'dutch-field': (a, root) => `in ${place(root, a.at.slice(0, -1))} staat ${q(a.key)}: veldnamen zijn Engels, schrijf ${q(a.field)}.`,
  'invalid-id': (a, root) => {
    const kind = a.kind === 'node' ? 'de knooppunt-id' : a.kind === 'ending' ? 'de einde-id' : 'de naam';
    const where = a.inside ? ` in ${place(root, a.at.slice(0, -1))}` : '';
    return `${kind} ${q(a.key)}${where} is niet geldig: die ${patternHint(a.pattern, NL_WORDS)}.`;
  },

  'not-a-scenario': (a) =>
    `het bestand bevat ${a.list ? 'een lijst' : 'één losse waarde'}, maar een scenario is één object tussen "{" en "}" met velden zoals "id", "title", "start", "nodes" en "endings".`,
  'format-too-new': (a) =>
    `dit bestand is geschreven in versie ${a.version} van het scenarioformaat, maar deze versie van Frontlijn leest alleen formaatversie ${a.current}. Werk Frontlijn bij, of vraag degene die het bestand maakte om een exemplaar in versie ${a.current}.`,
  'format-too-old': (a, _root, c) =>
    `dit bestand is geschreven in versie ${a.version} van het scenarioformaat, en die is ouder dan deze versie van Frontlijn kan lezen (versie ${a.min} tot en met ${a.current}). Herschrijf het volgens ${c.guide} en zet "formatVersion" op ${a.current}.`,
  'too-many-nodes': (a) =>
    `het scenario heeft ${nl(a.count)} ${a.endings ? 'eindes' : 'beslisknooppunten'}, meer dan de grens van ${nl(a.max)}, dus het is niet verder gecontroleerd. ` +
    'Verdeel het over meerdere kleinere scenario’s: de meeste hebben 10 tot 200 beslisknooppunten.',
  'empty-text': (a, root) =>
    a.lang === null
      ? `${textName(root, a.at, NL_WORDS)} is leeg: schrijf de tekst die spelers moeten zien.`
      : `de ${langAdjNl(a.lang)} ${textName(root, a.at.slice(0, -1), NL_WORDS)} is leeg: schrijf de tekst die spelers moeten zien.`,
  'missing-language': (a, root) =>
    `de ${langAdjNl(a.lang)} ${textName(root, a.at, NL_WORDS)} ontbreekt (het bestand noemt als talen ${listOf(a.declared, 'en')}): voeg "${a.lang}": "…" toe.`,
  'one-language-text': (a, root) =>
    `${textName(root, a.at, NL_WORDS)} is één gewone tekst, dus spelers lezen dezelfde woorden, of ze nu in het ${listOf(a.declared.map(langNameNl), 'of in het')} spelen, terwijl de andere teksten in dit bestand per taal geschreven zijn: ` +
    `schrijf hem als ${perLanguage(a.declared)} (of laat hem zo als de woorden in elke taal hetzelfde zijn).`,
  'undeclared-language': (a, root) =>
    `de ${langAdjNl(a.lang)} ${textName(root, a.at.slice(0, -1), NL_WORDS)} wordt nooit getoond, want "languages" noemt alleen ${listOf(a.declared, 'en')}: zet "${a.lang}" erbij in "languages" (en in elke tekst), of haal hem hier weg.`,
  'unknown-target': (a, root) =>
    `${place(root, a.at.slice(0, -1))} gaat naar ${q(a.target)}, maar dat bestaat niet` +
    (a.suggestion !== null ? ` — bedoel je ${q(a.suggestion)}?` : ': maak een knooppunt of einde met die id, of verwijs naar een dat wel bestaat.'),
  'mood-min-above-max': (a, root) =>
    `de voorwaarde van ${place(root, a.at)} vraagt een stemming van minstens ${a.min} en hoogstens ${a.max}: "min" is groter dan "max", dus die kan nooit gelden. Draai ze om, of pas er een aan.`,
  'unknown-visited-node': (a, root) =>
    `de voorwaarde van ${place(root, a.at)} noemt ${q(a.node)} in "visited", maar dat is geen knooppunt van dit verhaal` +
    (a.suggestion !== null ? ` — bedoel je ${q(a.suggestion)}?` : ': schrijf de id van een knooppunt waar de speler geweest kan zijn.'),
  'empty-routes': (a, root) =>
    `${place(root, a.at.slice(0, -1))} heeft een lege lijst routes in "next": schrijf de id van een knooppunt of einde, of voeg routes toe zoals {"to": "checkout"}.`,
  'id-too-long': (a, root) =>
    `${place(root, a.at)} is ${a.id.length} tekens lang (${q(a.id.slice(0, 24) + '…')}), maar een id mag hoogstens ${a.max} tekens hebben: kies een kortere (en pas de "next" aan die ernaartoe leidt).`,
  'duplicate-id': (a) =>
    `${q(a.id)} is zowel een knooppunt als een einde, maar knooppunten en eindes delen één set ids: geef een van beide een andere naam (en pas de "next" aan die ernaar moet leiden).`,
  'start-is-ending': (a) => `"start" is ${q(a.start)}, en dat is een einde: het verhaal moet bij een beslismoment (knooppunt) beginnen.`,
  'unknown-start': (a) =>
    `"start" is ${q(a.start)}, maar er is geen knooppunt met die id` +
    (a.suggestion !== null ? ` — bedoel je ${q(a.suggestion)}?` : `: gebruik de id van een van de knooppunten${a.example !== null ? `, bijvoorbeeld ${q(a.example)}` : ''}.`),
  'duplicate-option-id': (a) => `knooppunt ${q(a.node)} heeft twee opties met de id ${q(a.id)} (optie ${a.first} en ${a.second}): geef elke optie een eigen id.`,
  'weights-all-zero': () =>
    'alle drie de scoregewichten zijn 0, dus er is geen totaalscore: geef minstens één dimensie een gewicht boven 0 (of laat "weights" weg voor gelijke gewichten).',
  'analysis-failed': (a) => `Het scenario kon niet worden geanalyseerd (${a.detail}). Dit is een fout in Frontlijn: meld het graag, met het bestand erbij.`,

  'too-many-states': (a) =>
    a.flags
      ? `De vlaggen van dit verhaal zijn op meer dan ${nl(a.max)} manieren te combineren, te veel om na te gaan. Gebruik minder vlaggen: zet een vlag alleen als een latere voorwaarde hem nodig heeft, en zet vlaggen uit die niet meer nodig zijn.`
      : `Dit verhaal heeft meer dan ${nl(a.max)} combinaties van knooppunt, stemming en vlaggen, te veel om na te gaan. Gebruik minder vlaggen, of minder voorwaarden die ervan afhangen.`,
  'flat-dimension': (a, _root, c) =>
    `Geen enkele weg scoort anders op ${dim(a.dimension)}: elke weg door het verhaal geeft ${a.points} ${Math.abs(a.points) === 1 ? 'punt' : 'punten'}, dus elke speler krijgt daar 100. Geef een paar opties punten voor ${dim(a.dimension)} (zie "De scoringsregels" in ${c.guide}).`,
  'unreachable-node': (a) => `Knooppunt ${q(a.id)} is nooit te bereiken: ${why(a.why)}. Verwijs ernaar vanuit een optie, of verwijder het.`,
  'unreachable-ending': (a) => `Einde ${q(a.id)} is nooit te bereiken: ${why(a.why)}. Verwijs ernaar vanuit een optie, of verwijder het.`,
  'dead-end': (a) =>
    `De speler loopt vast bij knooppunt ${q(a.id)} als dat bereikt wordt met ${a.states.map(state).join('; of ')}${a.more > 0 ? ` (en nog ${a.more} combinaties)` : ''}: dan is geen van de opties beschikbaar, en er is geen tijdslimiet. Geef één optie geen voorwaarde, of voeg een tijdslimiet toe.`,
  'no-route': (a) =>
    `Na ${choiceName(a.choice)} (bereikt met ${state(a.state)}) geldt geen van de routes. Laat de voorwaarde weg bij de laatste route, zodat die alle andere gevallen opvangt.`,
  'no-ending': (a) =>
    `Vanaf knooppunt ${q(a.id)} is geen einde te bereiken: elke weg verder loopt vast of gaat in een kringetje rond. Zorg dat een van de opties verder leidt naar een einde.`,
  'score-loop': (a) => `Spelers kunnen in een lus punten blijven verzamelen: ${loopWhere(a.nodes)}, en ${choiceName(a.choice)} geeft elke ronde punten voor ${dim(a.dimension)}. ${LOOP_FIX}`,
  loop: (a) => `Spelers kunnen eindeloos in een lus blijven rondgaan: ${loopWhere(a.nodes)}, en niets houdt dat tegen. ${LOOP_FIX}`,
  'condition-never-holds': (a) => {
    const why = a.unset.length ? unsetFlagsNl(a.unset) : null;
    return a.route === null
      ? `${sentence(choiceName(a.choice))} wordt nooit getoond: ${why ?? `de voorwaarde geldt op geen enkele weg waarop het verhaal hier komt (${a.low === a.high ? `de stemming is hier altijd ${a.low}` : `de stemming is hier tussen ${a.low} en ${a.high}`}). Pas de voorwaarde aan, of verwijder de optie.`}`
      : `De route naar ${q(a.route)} na ${choiceName(a.choice)} wordt nooit genomen: ${why ?? 'de voorwaarde geldt nooit na deze keuze. Pas de voorwaarde aan, of verwijder de route.'}`;
  },
  'route-never-taken': (a) =>
    `De route naar ${q(a.route)} na ${choiceName(a.choice)} wordt nooit genomen: een eerdere route gaat altijd voor. Verander de volgorde van de routes of hun voorwaarden.`,
  'same-scores': (a) =>
    `Alle opties van knooppunt ${q(a.id)} hebben hetzelfde effect op warmte, initiatief, resultaat en stemming, dus deze keuze maakt niets uit. Laat de effecten verschillen zoals het gedrag verschilt.`,
  'missing-feedback': (a) =>
    a.choice.option === null
      ? `De time-out van knooppunt ${q(a.choice.node)} heeft geen feedback. Schrijf een zin over wat het met de klant doet als die moet wachten.`
      : `Optie ${q(a.choice.option)} van knooppunt ${q(a.choice.node)} ("${short(t(a.text, 'nl'))}") heeft geen feedback. Schrijf een of twee zinnen die het gedrag benoemen en wat het met de klant doet.`,
  'length-strategy': (a, _root, c) =>
    `Een speler die altijd de ${a.strategy === 'longest' ? 'langste' : 'kortste'} optie kiest (in de ${langAdjNl(a.lang)} teksten), komt zonder een woord te lezen bij ${a.fan ? 'het fan-einde' : 'einde'} ${q(a.ending)}, met een totaalscore van ${a.overall}. ` +
    (a.first !== null
      ? `Bij ${a.best} van de ${a.decisions} beslissingen op die weg is de ${a.strategy === 'longest' ? 'langste' : 'kortste'} optie een van de best scorende, voor het eerst bij knooppunt ${q(a.first)}. `
      : '') +
    (a.strategy === 'longest'
      ? 'Zorg dat de lengte niets verraadt: maak in een paar beslissingen de beste optie kort en een zwakke lang'
      : 'Zorg dat de lengte niets verraadt: geef in een paar beslissingen de beste optie meer woorden en een zwakke minder') +
    ` (zie "Opties schrijven zonder aanwijzingen" in ${c.guide}).`,
  'longest-is-best': (a) =>
    `Bij ${a.nodes.length} van de ${a.decisions} beslissingen waarvan de opties verschillend scoren (${a.percent}%), is de langste ${langAdjNl(a.lang)} optie een van de best scorende: bij ${a.nodes.length === 1 ? 'knooppunt' : 'de knooppunten'} ${ids(a.nodes)}. ` +
    `Zo leren spelers de langste te kiezen. Maak in een paar van deze beslissingen de beste optie korter of een zwakkere langer, tot het hoogstens ${a.limit}% is.`,
  'mood-saturated': (a) =>
    a.mood > 0
      ? `Op de beste weg is de stemming van de klant al +5, het hoogste, bij de knooppunten ${ids(a.nodes)} achter elkaar: geen enkele optie daar kan de klant nog blijer maken, dus die keuzes veranderen minder dan het lijkt. Geef eerdere opties een kleiner effect op de stemming, of laat een slordig antwoord hier stemming kosten.`
      : `Op de beste weg is de stemming van de klant al -5, het laagste, bij de knooppunten ${ids(a.nodes)} achter elkaar: geen enkele optie daar kan het nog erger maken, dus die keuzes veranderen minder dan het lijkt. Geef eerdere opties een kleinere straf op de stemming, of laat een optie hier de klant terugwinnen.`,
  'long-way-pays': (a, _root, c) =>
    `Optie ${q(a.option)} van knooppunt ${q(a.node)} kost punten, maar houdt toch de hoogste score bereikbaar: na deze optie zijn nog meer punten te halen dan na ${ids(a.over)}, die punten ${a.over.length === 1 ? 'oplevert' : 'opleveren'}. ` +
    `Het rapport zou haar aanraden, en wie daar goed kiest, scoort lager. Laat haar niet verder leiden dan de betere opties, of maak wat erna komt minder waard (zie "Een langere weg mag niet lonen" onder "De scoringsregels" in ${c.guide}).`,
  'more-like-this': (a) => `…en nog ${a.more} problemen zoals dit (${a.code}).`,
};
