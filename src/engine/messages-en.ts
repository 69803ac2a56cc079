/**
 * The English validation messages: one sentence per problem code, built from the facts the checks
 * recorded (message-args.ts) with the English words of words-en.ts, put together by messages.ts.
 * These are the sentences the fixtures and scenarios/README.md quote. Pure.
 */
import { FILE_GUIDE, type Catalog, type ChoiceRef, type Found, type FoundHint, type MessageContext, type MessageRef, type StateRef, type UnsetFlag, type Why, type WordFix } from './message-args';
import { describePath, describeValue, didYouMean, expected, formatSize, hex, idList, listOf, patternHint, perLanguage, q, sentence, short, textName, typeFix } from './messages';
import { EN_WORDS, langName } from './words-en';
import { t } from './text';

const WORD_FIXES: Record<WordFix, string> = {
  'lowercase-true': 'write true in lowercase',
  'lowercase-false': 'write false in lowercase',
  null: 'write null, or leave the field out',
  'leave-out': 'leave the field out instead',
  number: 'write a number',
};

const HINTS: Record<FoundHint, string> = {
  comma: ' There may be a comma too many, or a value missing before it.',
  close: ' A value is missing after the ":" or ",".',
  curly: ' Curly quotes (“ ”) are not JSON: use straight double quotes (").',
  quotes: ' Text must be in straight double quotes, e.g. "hello".',
};

const found = (f: Found): string => f ?? 'the end of the file';

/** More curly quotes than this one pair: an editor such as Word turned every quote curly. */
const curlyAll = (n: number | undefined): string =>
  n !== undefined && n > 2
    ? ` This file has ${n} of them: if your editor (Word, for instance) turned every quote curly, replace “ and ” everywhere with " at once ` +
      '(Find and Replace, Ctrl+H) and switch off its "smart quotes"; inside a text, ‘ ’ may stay.'
    : '';

/** The analysis's lists of ids: quoted, at most 6 then "n more". */
const ids = (items: string[]): string => idList(items, (n) => `${n} more`);

const flagsText = (s: StateRef): string => (s.flags.length ? `flag${s.flags.length > 1 ? 's' : ''} ${ids(s.flags)} set` : 'no flags set');
const choiceName = (c: ChoiceRef): string => (c.option === null ? `the time-out of node ${q(c.node)}` : `option ${q(c.option)} of node ${q(c.node)}`);

function why(w: Why): string {
  if (w.kind === 'conditions') return 'the options and routes that lead there never apply in any way through the story (check their conditions)';
  if (w.kind === 'via') return `only node ${q(w.node)} leads there, and that node cannot be reached itself`;
  return 'no option, route or time-out leads there';
}

const LOOP_FIX = 'Make the loop impossible to repeat (for example with a flag set the first time round and a condition on it), or lead it on to an ending.';
const loopWhere = (nodes: string[]): string => (nodes.length === 1 ? `node ${q(nodes[0])} leads back to itself` : `nodes ${ids(nodes)} lead back to each other`);

/** Why a condition on flags that nothing sets never holds, and the fix (a typo, usually). */
function unsetFlagsEn(unset: UnsetFlag[]): string {
  const it = unset.length === 1 ? 'it' : 'them';
  const hints = unset.filter((u) => u.suggestion !== null).map((u) => (unset.length === 1 ? q(u.suggestion as string) : `${q(u.suggestion as string)} for ${q(u.flag)}`));
  return (
    `its condition needs the ${unset.length === 1 ? 'flag' : 'flags'} ${listOf(unset.map((u) => q(u.flag)), 'and')}, but no option or time-out ever sets ${it}` +
    (hints.length ? ` — did you mean ${listOf(hints, 'or')}? Correct the name in the condition, or set ${it}` : `. Set ${it}`) +
    ` in the "effects" of the option that should open this way: "flags": {${q(unset[0].flag)}: true}.`
  );
}

/** The English sentence for every message key. */
export const en: Catalog = {
  'json-too-many-problems': (a) => `more than ${a.max} syntax problems: fix these first, then validate again.`,
  'json-comment': (a) =>
    a.unclosed
      ? 'a comment "/*" is never closed with "*/" (and JSON does not allow comments): remove it.'
      : 'JSON does not allow comments: remove this one. Notes for other authors can go in a node\'s "notes" field.',
  'json-unterminated-string': (a) =>
    a.atLineEnd
      ? `unterminated string: the text that starts on line ${a.line} has no closing double quote (") before the end of the line. Add the quote; write \\n for a line break inside a text.`
      : `unterminated string: the text that starts here (line ${a.line}) has no closing double quote (").`,
  'json-invalid-escape': (a) => `"\\${a.char}" is not a valid escape in a JSON string: write "\\\\" for a backslash, "\\"" for a quote, "\\n" for a new line.`,
  'json-control-character': (a) => `a ${a.tab ? 'tab' : 'control'} character inside a text is not allowed in JSON: ${a.tab ? 'write \\t or a space' : 'remove it'}.`,
  'json-single-quotes': (a) =>
    a.value === null
      ? `text must be in double quotes ("), not single quotes ('), and this one is not closed on line ${a.line}.`
      : `text must be in double quotes, not single quotes: write "${a.value}".`,
  'json-invalid-number': (a) => `"${a.raw}" is not a valid JSON number: write numbers like 12, -3 or 0.5 (no leading "+" or zeros, digits on both sides of the point).`,
  'json-syntax': (a) => {
    switch (a.kind) {
      case 'word':
        return `"${a.word}" is not a JSON value: ${WORD_FIXES[a.fix]}.`;
      case 'bare-word':
        return `the text ${a.word} must be in double quotes: write "${a.word}".`;
      case 'value-expected':
        return `a value was expected here, but found ${found(a.found)}.${HINTS[a.hint]}${curlyAll(a.curly)}`;
      case 'key-expected':
        return `a field name in double quotes was expected here, but found ${found(a.found)}.${HINTS[a.hint]}${curlyAll(a.curly)}`;
      case 'colon-expected':
        return `a colon ":" was expected after the field name "${a.key}", but found ${found(a.found)}.`;
      case 'comma-expected':
        return `a comma or "${a.list ? ']' : '}'}" was expected after the value on line ${a.line}, but found ${found(a.found)}.`;
    }
  },
  'json-empty': () => 'the file is empty: a scenario file starts with "{" and ends with "}".',
  'json-trailing-text': (a) =>
    `there is more text after the end of the scenario (after line ${a.line}): ` +
    'the whole scenario must be one object between "{" and "}". Remove the extra text or check for a "}" too many.',
  'json-too-deep': (a) =>
    `the file nests objects and lists more than ${a.max} levels deep here, so it was not read further. ` +
    'A scenario never needs that much nesting: check for brackets that are opened but never closed, or simplify the conditions.',
  'json-unexpected-end': (a) =>
    a.list === null
      ? 'the file ends where a value was expected: it looks cut off, or a closing "}" or "]" is missing.'
      : `the file ends before the ${a.list ? 'list' : 'object'} that starts on line ${a.line} is closed with "${a.list ? ']' : '}'}".`,
  'json-unquoted-key': (a) => `the field name ${a.key} must be in double quotes: write "${a.key}".`,
  'json-missing-colon': (a) => `a colon ":" is missing after the field name "${a.key}".`,
  'forbidden-key': (a) => `the field name "${a.key}" is not allowed (it could change how the program works) and was ignored: rename or remove it.`,
  'duplicate-key': (a) =>
    a.within
      ? `there are two ${a.within === 'nodes' ? 'nodes' : 'endings'} with the id "${a.key}" (the first on line ${a.line}): only this last one would count, and the first would be lost. ` +
        `Did you copy one? Give the copy an id of its own, and put that id in the "next" that should lead to it.`
      : `the field "${a.key}" appears twice in the same object (first on line ${a.line}): only the last one would count. Remove or rename one of them.`,
  'json-trailing-comma': (a) =>
    a.list
      ? `there is a comma after the last item of the list on line ${a.line}: remove it (JSON allows no comma before "]").`
      : `there is a comma after the last field on line ${a.line}: remove it (JSON allows no comma before "}").`,
  'json-missing-comma': (a) => `missing comma after the value on line ${a.line}: put "," between the ${a.list ? 'items of the list' : 'fields'}.`,
  'file-too-large': (a) =>
    `the file is ${formatSize(a.bytes)}, more than the limit of 5 MB, so it was not read. ` +
    'A scenario is normally far smaller: split it into several scenarios, or check that no image or other data was pasted into it.',
  'not-text': (a) =>
    ({
      word:
        'this is a Word document (or another packed file: .docx, .odt, .zip), not a plain text file. ' +
        'Open it in Word, copy all its text into Notepad (on a Mac: TextEdit, in plain text), and save it there with a name ending in .json.',
      pdf: 'this is a PDF, not a plain text file. Import the scenario file itself: a plain text file whose name ends in .json.',
      rtf:
        'this file is saved as formatted text (RTF, as WordPad and TextEdit do by default), not as plain text. ' +
        'Save it as plain text (TextEdit: Format › Make Plain Text; WordPad: Save as › Text document), with a name ending in .json.',
      binary: 'this is not a text file: it holds bytes that no text has. Did you choose the right file? A scenario is a plain text file whose name ends in .json.',
    })[a.kind],
  'invalid-utf8': (a) =>
    a.byte === null
      ? 'the file is not valid UTF-8 text: save it as UTF-8.'
      : `invalid UTF-8: byte ${hex(a.byte)} at byte offset ${a.offset} is not valid UTF-8 text.` +
        (a.ansi === null ? '' : ` In Windows-1252 (ANSI) this byte is "${a.ansi}", so the file was probably saved in that encoding.`) +
        ' Save the file as UTF-8 (in VS Code: "Save with Encoding" → UTF-8) and check the characters around this place.',

  'condition-as-text': (a, root) =>
    `${describePath(root, a.at)} is written as text (${q(a.value)}), but conditions are structured data, never code or expressions. ` +
    'Write for example {"mood": {"max": -3}} (mood -3 or lower) or {"flags": {"offeredHelp": true}}.',
  'wrong-type': (a, root) => `${describePath(root, a.at)} should be ${expected(a.expected)}, but it is ${describeValue(a.value)}.${a.type ? typeFix(a.type, a.value) : ''}`,
  'invalid-value': (a, root) =>
    `${describePath(root, a.at)} is ${describeValue(a.value)}, which is not allowed: use ${listOf(a.allowed.map(q), 'or')}${didYouMean(String(a.value), a.allowed) || '.'}`,
  'not-whole-number': (a, root) =>
    Number.isFinite(a.value)
      ? `${describePath(root, a.at)} is ${a.value}, but must be a whole number (like ${Math.round(a.value)}).`
      : `${describePath(root, a.at)} is a number far too large to use, but must be an ordinary whole number (like 1).`,
  'out-of-range': (a, root, c) => {
    const range = a.max === undefined ? `at least ${a.min}` : a.min === undefined ? `at most ${a.max}` : `from ${a.min} to ${a.max}`;
    return `${describePath(root, a.at)} is ${a.value}, but must be ${range}.${a.rubric ? ` The scoring rubric in ${c.guide} uses -2 to +2.` : ''}`;
  },
  'empty-value': (a, root) => `${describePath(root, a.at)} is empty: write ${a.what || 'a value'}.`,
  'invalid-format': (a, root) => `${describePath(root, a.at)} is ${q(a.value)}, which is not valid: it ${patternHint(a.pattern)}.`,
  'too-few-options': (a, root) =>
    `${describePath(root, a.at.slice(0, -1))} has ${a.count === 1 ? '1 option' : `${a.count} options`}, but a decision needs ${a.min} to ${a.max}: add ${a.min - a.count === 1 ? 'another one' : 'more'}.`,
  'too-few-items': (a, root) =>
    a.map
      ? `${describePath(root, a.at)} ${a.count ? 'has too few entries' : 'is empty'}: add at least ${a.min} (${a.what}).`
      : `${describePath(root, a.at)} has ${a.count} item${a.count === 1 ? '' : 's'}, but needs at least ${a.min}.`,
  'too-many-options': (a, root) => `${describePath(root, a.at.slice(0, -1))} has ${a.count} options, but at most ${a.max} are allowed: remove the weakest, or split the decision into two nodes.`,
  'too-many-items': (a, root) => `${describePath(root, a.at)} has ${a.count} items, but at most ${a.max} are allowed: remove some.`,
  'duplicate-item': (a, root) => `${describePath(root, a.at.slice(0, -1))} lists ${describeValue(a.value)} twice: remove one.`,
  'missing-field': (a, root) =>
    a.wrote
      ? `${describePath(root, a.at)} has no ${q(a.name)}: you wrote ${q(a.wrote)}; field names are English: write ${q(a.name)}.`
      : `${describePath(root, a.at)} has no ${q(a.name)}: add it${a.what ? ` — ${a.what}` : ''}.`,
  'unknown-field': (a, root) => {
    const suggestion = didYouMean(a.key, a.allowed);
    const fix = suggestion ? `${suggestion} Fields with an unknown name are ignored.` : `: it is ignored. The fields allowed here are ${listOf(a.allowed.map(q))}.`;
    return `unknown field ${q(a.key)} in ${describePath(root, a.at.slice(0, -1))}${fix}`;
  },
  'unknown-effect': (a, root) =>
    `${describePath(root, a.at.slice(0, -1))} has ${q(a.key)}, which is no effect: effects change the score, so only ${listOf(a.allowed.map(q))} may stand here${didYouMean(a.key, a.allowed) || '.'}`,
  'misplaced-field': (a, root) =>
    `${q(a.key)} is not a field of ${describePath(root, a.at.slice(0, -1))}: it belongs in ${listOf(a.homes.map((h) => EN_WORDS.homes[h] ?? h), 'or')}, so here it is ignored. Move it there, or remove it.`,
  'dutch-field': (a, root) => `in ${describePath(root, a.at.slice(0, -1))} you wrote ${q(a.key)}: field names are English, write ${q(a.field)}.`,
  'invalid-id': (a, root) => {
    const kind = a.kind === 'name' ? 'name' : `${a.kind} id`;
    const where = a.inside ? ` in ${describePath(root, a.at.slice(0, -1))}` : '';
    return `the ${kind} ${q(a.key)}${where} is not valid: it ${patternHint(a.pattern)}.`;
  },

  'not-a-scenario': (a) =>
    `the file holds ${a.list ? 'a list' : 'a single value'}, but a scenario is one object between "{" and "}" with fields like "id", "title", "start", "nodes" and "endings".`,
  'format-too-new': (a) =>
    `this file is written in scenario format version ${a.version}, but this version of Frontlijn reads format version ${a.current} only. Update Frontlijn, or ask whoever made the file for a version ${a.current} copy.`,
  'format-too-old': (a, _root, c) =>
    `this file is written in scenario format version ${a.version}, which is older than this version of Frontlijn can read (version ${a.min} to ${a.current}). Rewrite it following ${c.guide} and set "formatVersion" to ${a.current}.`,
  'too-many-nodes': (a) =>
    `the scenario has ${a.count.toLocaleString('en')} ${a.endings ? 'endings' : 'decision nodes'}, more than the limit of ${a.max.toLocaleString('en')}, so it was not checked further. ` +
    'Split it into several smaller scenarios: most have 10 to 200 decision nodes.',
  'empty-text': (a, root) =>
    a.lang === null
      ? `${textName(root, a.at)} is empty: write the text players should see.`
      : `the ${langName(a.lang)} ${textName(root, a.at.slice(0, -1))} is empty: write the text players should see.`,
  'missing-language': (a, root) => `the ${langName(a.lang)} ${textName(root, a.at)} is missing (the file declares ${listOf(a.declared)}): add "${a.lang}": "…".`,
  'one-language-text': (a, root) =>
    `${textName(root, a.at)} is one plain string, so players read these same words whether they play in ${listOf(a.declared.map(langName), 'or')}, while this file writes its other texts per language: ` +
    `write it as ${perLanguage(a.declared)} (or leave it if the words are the same in every language).`,
  'undeclared-language': (a, root) =>
    `the ${langName(a.lang)} ${textName(root, a.at.slice(0, -1))} is never shown, because "languages" lists only ${listOf(a.declared)}: add "${a.lang}" to "languages" (and to every text), or remove it here.`,
  'unknown-target': (a, root) =>
    `${describePath(root, a.at.slice(0, -1))} goes to ${q(a.target)}, which does not exist` +
    (a.suggestion !== null ? ` — did you mean ${q(a.suggestion)}?` : ': add a node or ending with that id, or point to one that exists.'),
  'mood-min-above-max': (a, root) =>
    `the condition of ${describePath(root, a.at)} asks for a mood of at least ${a.min} and at most ${a.max}: min is above max, so it can never hold. Swap them, or change one.`,
  'unknown-visited-node': (a, root) =>
    `the condition of ${describePath(root, a.at)} names ${q(a.node)} in "visited", which is not a decision node of this story` +
    (a.suggestion !== null ? ` — did you mean ${q(a.suggestion)}?` : ': write the id of a node the player can have been at.'),
  'empty-routes': (a, root) =>
    `${describePath(root, a.at.slice(0, -1))} has an empty list of routes in "next": write the id of a node or ending, or add routes like {"to": "checkout"}.`,
  'id-too-long': (a, root) =>
    `${describePath(root, a.at)} is ${a.id.length} characters long (${q(a.id.slice(0, 24) + '…')}), but an id may be at most ${a.max}: choose a shorter one (and change the "next" that leads to it).`,
  'duplicate-id': (a) => `${q(a.id)} is both a node and an ending, but nodes and endings share one set of ids: rename one of them (and the "next" that should lead to it).`,
  'start-is-ending': (a) => `"start" is ${q(a.start)}, which is an ending: the story must start at a decision node.`,
  'unknown-start': (a) =>
    `"start" is ${q(a.start)}, but there is no node with that id` +
    (a.suggestion !== null ? ` — did you mean ${q(a.suggestion)}?` : `: use the id of one of the nodes${a.example !== null ? `, e.g. ${q(a.example)}` : ''}.`),
  'duplicate-option-id': (a) => `node ${q(a.node)} has two options with the id ${q(a.id)} (options ${a.first} and ${a.second}): give each option its own id.`,
  'weights-all-zero': () =>
    'all three scoring weights are 0, so there is no overall score: give at least one dimension a weight above 0 (or leave "weights" out for equal weights).',
  'analysis-failed': (a) => `The scenario could not be analysed (${a.detail}). This is a bug in Frontlijn: please report it with the file.`,

  'too-many-states': (a) =>
    a.flags
      ? `The flags of this story can be combined in more than ${a.max.toLocaleString('en')} ways, too many to check. Use fewer flags: set a flag only when a later condition needs it, and clear flags that are no longer needed.`
      : `This story has more than ${a.max.toLocaleString('en')} combinations of node, mood and flags, too many to check. Use fewer flags, or fewer conditions that depend on them.`,
  'flat-dimension': (a, _root, c) =>
    `No path scores differently on ${a.dimension}: every way through the story gives ${a.points} point${Math.abs(a.points) === 1 ? '' : 's'}, so every player gets 100 on it. Give some options ${a.dimension} points (see the scoring rubric in ${c.guide}).`,
  'unreachable-node': (a) => `Node ${q(a.id)} can never be reached: ${why(a.why)}. Link it from an option, or delete it.`,
  'unreachable-ending': (a) => `Ending ${q(a.id)} can never be reached: ${why(a.why)}. Link it from an option, or delete it.`,
  'dead-end': (a) =>
    `The player gets stuck at node ${q(a.id)} when it is reached with ${a.states.map((s) => `mood ${s.mood} and ${flagsText(s)}`).join('; or ')}${a.more > 0 ? ` (and ${a.more} more combinations)` : ''}: none of its options is available then, and it has no time limit. Give one option no condition, or add a time limit.`,
  'no-route': (a) =>
    `After ${choiceName(a.choice)} (reached with mood ${a.state.mood} and ${flagsText(a.state)}) none of its routes applies. Leave the condition off the last route, so it catches every other case.`,
  'no-ending': (a) =>
    `From node ${q(a.id)} no ending can be reached: every way on runs into a dead end or goes round in a loop. Make sure one of its options leads on towards an ending.`,
  'score-loop': (a) => `Players can pile up points in a loop: ${loopWhere(a.nodes)}, and ${choiceName(a.choice)} adds ${a.dimension} points each time round. ${LOOP_FIX}`,
  loop: (a) => `Players can go round in a loop forever: ${loopWhere(a.nodes)} with nothing that stops it. ${LOOP_FIX}`,
  'condition-never-holds': (a) => {
    const why = a.unset.length ? unsetFlagsEn(a.unset) : null;
    return a.route === null
      ? `${sentence(choiceName(a.choice))} is never shown: ${why ?? `its condition never holds in any way the story reaches this node (${a.low === a.high ? `the mood here is always ${a.low}` : `the mood here is between ${a.low} and ${a.high}`}). Change the condition, or remove the option.`}`
      : `The route to ${q(a.route)} after ${choiceName(a.choice)} is never taken: ${why ?? 'its condition never holds after this choice. Change the condition, or remove the route.'}`;
  },
  'route-never-taken': (a) =>
    `The route to ${q(a.route)} after ${choiceName(a.choice)} is never taken: an earlier route always applies first. Change the order of the routes or their conditions.`,
  'same-scores': (a) =>
    `All options of node ${q(a.id)} have the same effects on warmth, initiative, outcome and mood, so this decision makes no difference. Let the options differ the way their behaviour differs.`,
  'missing-feedback': (a) =>
    a.choice.option === null
      ? `The time-out of node ${q(a.choice.node)} has no feedback. Add a sentence on what letting the customer wait does.`
      : `Option ${q(a.choice.option)} of node ${q(a.choice.node)} ("${short(t(a.text, 'en'))}") has no feedback. Add one or two sentences that name the behaviour and its effect on the customer.`,
  'length-strategy': (a, _root, c) =>
    `A player who always picks the ${a.strategy} option (in the ${langName(a.lang)} texts) reaches ${a.fan ? 'the fan ending' : 'ending'} ${q(a.ending)} with an overall score of ${a.overall}, without reading a word. ` +
    (a.first !== null ? `On ${a.best} of the ${a.decisions} decisions on that way the ${a.strategy} option is a top-scoring one, the first at node ${q(a.first)}. ` : '') +
    (a.strategy === 'longest'
      ? 'Let length say nothing: in some decisions make the best option short and a weak one long'
      : 'Let length say nothing: in some decisions give the best option more words and a weak one fewer') +
    ` (see "Writing options without cues" in ${c.guide}).`,
  'longest-is-best': (a) =>
    `In ${a.nodes.length} of the ${a.decisions} decisions whose options score differently (${a.percent}%) the longest ${langName(a.lang)} option is a top-scoring one: at ${a.nodes.length === 1 ? 'node' : 'nodes'} ${ids(a.nodes)}. ` +
    `Players learn to pick the longest. In some of these decisions shorten the best option or lengthen a weaker one, until it is at most ${a.limit}%.`,
  'mood-saturated': (a) =>
    a.mood > 0
      ? `On the best path the customer's mood is already +5, the highest, at nodes ${ids(a.nodes)} in a row: no option there can make the customer happier, so these choices change less than they seem to. Give earlier options smaller mood effects, or let a careless answer here cost mood.`
      : `On the best path the customer's mood is already -5, the lowest, at nodes ${ids(a.nodes)} in a row: no option there can make things worse, so these choices change less than they seem to. Give earlier options smaller mood penalties, or let an option here win the customer back.`,
  'long-way-pays': (a, _root, c) =>
    `Option ${q(a.option)} of node ${q(a.node)} costs points, yet it keeps the highest score reachable: more points can still be collected after it than after ${ids(a.over)}, which ${a.over.length === 1 ? 'earns' : 'earn'} points. ` +
    `The report would advise it, and a player who chose well there scores lower. Let it lead no further than the better options, or make what follows it worth less (see "A longer way must not pay" under "The scoring rubric" in ${c.guide}).`,
  'more-like-this': (a) => `…and ${a.more} more problems like this (${a.code}).`,
};

/**
 * A recorded message in English. The checks keep this sentence on what they return; the analysis
 * (loaded on the play path) uses this rather than message-catalog.ts, so the Dutch catalog loads
 * only where validation runs.
 */
export function englishText(ref: MessageRef, root: unknown = null): string {
  return (en[ref.key] as (args: unknown, root: unknown, context: MessageContext) => string)(ref.args, root, FILE_GUIDE);
}
