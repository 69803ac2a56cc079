/**
 * Coaching feedback that says how the customer feels agrees with what the choice did to the mood
 * meter. On the café's terrace a feedback line said Yara saw a guest being ignored "and she knows
 * that feeling", while her mood stayed "ontspannen": the meter, not the line, was right about the
 * choice's effect.
 *
 * The rule, checkable without reading prose: a feedback line (nl or en) that says the customer
 * comes to feel worse (feels ignored, unheard, told off, processed; gets annoyed) belongs to a
 * choice that lowers the mood; one that says the customer comes to feel better (relaxes, is
 * relieved or reassured, feels seen, heard, welcome or helped; their annoyance drops) belongs to a
 * choice that raises it. The claims are the phrases below; a sentence about what customers in
 * general feel ("a question that gets ignored feels worse") is a claim too, and in the built-ins it
 * always stands on a choice that does what it says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang, Scenario } from '../src/engine/types';

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();

/** Phrases that say the customer comes to feel worse, per language. */
const WORSE: Record<Lang, RegExp> = {
  nl: /\bvoelt (zich|ze zich|hij zich) (eerder )?(niet gezien|niet gehoord|genegeerd|afgehandeld|afgescheept|terechtgewezen|weggezet)|\bgenegeerd\b|\bergert (zich|ze zich|hij zich)|\bwordt (boos|kwaad|geïrriteerd)|\bvoelt dat als een sneer/i,
  en: /\b(feels?|feel) (ignored|unheard|not heard|not seen|dismissed|brushed off|told off|processed|pushed aside)|\b(doesn’t|does not) feel (heard|seen|welcome)|\bignored\b|\bgets (angry|annoyed|irritated|cross)|\bfeels like a sneer/i,
};
/** Phrases that say the customer comes to feel better, per language. */
const BETTER: Record<Lang, RegExp> = {
  nl: /\bvoelt (zich|ze zich|hij zich) (gezien|gehoord|welkom|serieus genomen|geholpen)|\b(ergernis|boosheid|irritatie) zakt|\bminder boos|\bontspant|\bopgelucht|\bgerustgesteld|\bis blij\b/i,
  en: /(?<!n’t |not )\b(feels?|feel) (seen|heard|welcome|helped|taken seriously)|\b(annoyance|irritation|anger) (fades|subsides|eases|drops)|\bless (angry|cross)|\brelax(es)?\b|\brelieved\b|\breassured\b|\bis (happy|pleased)\b/i,
};

/** What a feedback line claims about the customer's feeling, in one language: worse, better, or nothing. */
function claim(text: string, lang: Lang): 'worse' | 'better' | null {
  if (WORSE[lang].test(text)) return 'worse';
  if (BETTER[lang].test(text)) return 'better';
  return null;
}

/** Every choice (option or time-out) whose feedback claims a feeling its mood effect does not give. */
function contradictions(scenario: Scenario): string[] {
  const wrong: string[] = [];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const ways = [...node.options.map((o) => [o.id, o] as const), ...(node.timeLimit ? [['(time-out)', node.timeLimit] as const] : [])];
    for (const [way, choice] of ways) {
      const mood = choice.effects?.mood ?? 0;
      for (const lang of ['nl', 'en'] as const) {
        const text = typeof choice.feedback === 'string' ? choice.feedback : (choice.feedback?.[lang] ?? '');
        const said = claim(text, lang);
        if ((said === 'worse' && mood >= 0) || (said === 'better' && mood <= 0)) wrong.push(`${id}/${way} (${lang}): feels ${said}, mood ${mood}`);
      }
    }
  }
  return wrong;
}

describe('feedback about the customer\'s feeling agrees with the choice\'s mood effect', () => {
  it('reads what a line claims', () => {
    expect(claim('Maar Yara ziet een gast die genegeerd wordt, en dat gevoel kent ze van vanmiddag.', 'nl')).toBe('worse');
    expect(claim('She doesn’t feel heard and has to explain it all again.', 'en')).toBe('worse');
    expect(claim('Warm, and she relaxes.', 'en')).toBe('better');
    expect(claim('Haar ergernis zakt, en het gesprek begint alsnog als een welkom.', 'nl')).toBe('better');
    expect(claim('Correct, maar het is de zin die hij vandaag al bij elke kassa hoorde.', 'nl')).toBeNull();
  });

  it.each(files)('%s: no feedback says the customer feels otherwise than the meter moves', (file) => {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    expect(contradictions(scenario)).toEqual([]);
  });
});
