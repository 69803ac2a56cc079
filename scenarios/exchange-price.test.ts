/**
 * An ending says only what the player can know. In the return without a receipt, the fan ending
 * has Mrs Verbeek leave "met de katoenen trui en € 10 terug": what she paid (the till shows it at
 * the payment found) less the cotton jumper's price. That price stood only in the choice's
 * feedback, which an assessment never shows, so the ending quoted a sum the player never saw. The
 * price now stands in the choice itself; this checks the sum from what the player reads on the way
 * (situations and option texts, never feedback), in both languages.
 */
import { describe, expect, it } from 'vitest';
import json from './return-no-receipt.json';
import type { Lang, Scenario } from '../src/engine/types';
import { t } from '../src/engine/text';

const scenario = json as unknown as Scenario;

/** The euro amounts in a text, as numbers ("€ 59,95", "€59.95" → 59.95). */
const euros = (s: string) => [...s.matchAll(/€\s?(\d+(?:[.,]\d+)?)/g)].map((m) => Number(m[1].replace(',', '.')));

describe.each<Lang>(['nl', 'en'])('return-no-receipt, exchanged (%s)', (lang) => {
  it('the money back in the ending is what she paid less a price the player read in the exchange', () => {
    const paid = euros(t(scenario.nodes.found.situation, lang));
    const exchange = scenario.nodes['next-step'].options.find((o) => o.effects?.flags?.exchanged)!;
    const price = euros(t(exchange.text, lang));
    const back = euros(t(scenario.endings.exchanged.text, lang));
    expect(paid).toEqual([59.95]);
    expect(price).toEqual([49.95]);
    expect(back).toEqual([Math.round((paid[0] - price[0]) * 100) / 100]);
  });
});
