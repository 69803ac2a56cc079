import { describe, expect, it } from 'vitest';
import nl from '../i18n/author.nl.json';
import en from '../i18n/author.en.json';

type Tree = { [k: string]: string | Tree };

function flat(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flat(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The parameter names a message uses: {name} and {name, plural, ...}. */
function params(msg: string): string[] {
  return [...new Set([...msg.matchAll(/\{(\w+)(?:,|\})/g)].map((m) => m[1]))].sort();
}

describe('authoring messages', () => {
  const n = flat(nl as Tree);
  const e = flat(en as Tree);
  it('have the same keys in Dutch and English', () => {
    expect([...n.keys()].sort()).toEqual([...e.keys()].sort());
  });
  it('use the same parameters in both languages', () => {
    for (const [k, v] of e) expect(params(n.get(k) ?? ''), k).toEqual(params(v));
  });
});
