import { describe, expect, it } from 'vitest';
import { keysOf, withSharedKeys } from './shared-keys';
import { validateScenario } from './validate';
import { generateScenario } from './generate';

describe('keysOf / withSharedKeys', () => {
  it('is Object.keys outside a scope, and lists a map once inside one (nested scopes share it)', () => {
    const map = { b: 1, a: 2 };
    expect(keysOf(map)).toEqual(['b', 'a']);
    expect(keysOf(map)).not.toBe(keysOf(map));
    const [first, again, nested] = withSharedKeys(() => [keysOf(map), keysOf(map), withSharedKeys(() => keysOf(map))]);
    expect(first).toEqual(['b', 'a']);
    expect(again).toBe(first);
    expect(nested).toBe(first);
    Object.assign(map, { c: 3 });
    expect(keysOf(map)).toEqual(['b', 'a', 'c']);
    expect(withSharedKeys(() => keysOf(map))).toEqual(['b', 'a', 'c']);
  });

  it('leaves validation unchanged, and closes the scope even when a check throws', () => {
    const text = JSON.stringify(generateScenario({ nodes: 300, seed: 4 }));
    const a = validateScenario(text);
    expect(a.ok).toBe(true);
    expect(validateScenario(text)).toEqual(a);
    expect(() => withSharedKeys(() => { throw new Error('x'); })).toThrow('x');
    const map = { z: 1 };
    expect(keysOf(map)).not.toBe(keysOf(map));
  });
});
