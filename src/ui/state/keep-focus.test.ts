import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusKeeper } from './keep-focus';

/** A page in Node: a body, elements that take the focus and can be removed, and waits let go by hand. */
function page() {
  const listeners: Record<string, ((e: { key?: string }) => void)[]> = {};
  const doc = {
    body: {} as unknown,
    activeElement: null as unknown,
    addEventListener: (type: string, fn: (e: { key?: string }) => void) => (listeners[type] ??= []).push(fn),
  };
  doc.activeElement = doc.body;
  /** The player presses a key or the pointer somewhere on the page. */
  const press = (type: 'keydown' | 'pointerdown', key?: string) => (listeners[type] ?? []).forEach((fn) => fn({ key }));
  vi.stubGlobal('document', doc);
  const element = (name: string) => {
    const el = { name, isConnected: true, focus: () => (doc.activeElement = el) };
    return el;
  };
  const waiting: (() => void)[] = [];
  /** Lets every pending wait go, and the tries behind them run. */
  const next = async () => {
    waiting.splice(0).forEach((go) => go());
    await new Promise((r) => setTimeout(r, 0));
  };
  const wait = () => new Promise<void>((r) => waiting.push(r));
  const focused = () => (doc.activeElement as { name?: string }).name ?? 'body';
  return { doc, element, wait, next, focused, press };
}

type Page = ReturnType<typeof page>;
type Element = ReturnType<Page['element']>;
const asHtml = (el: Element | null) => el as unknown as HTMLElement | null;

describe('focusKeeper', () => {
  let p: Page;
  beforeEach(() => (p = page()));
  afterEach(() => vi.unstubAllGlobals());

  it('takes the focus at once, then puts it back when it is lost to the body or a removed element', async () => {
    const button = p.element('button');
    button.focus();
    let heading = p.element('heading');
    void focusKeeper()({ find: () => asHtml(heading), wait: p.wait, tries: 5, take: true });
    expect(p.focused()).toBe('heading');
    p.doc.activeElement = p.doc.body;
    await p.next();
    expect(p.focused()).toBe('heading');
    // The heading is drawn again: the focus was on the removed one, the new one gets it.
    heading.isConnected = false;
    heading = p.element('heading again');
    await p.next();
    expect(p.focused()).toBe('heading again');
  });

  it('moves on from where it put the focus to an element it prefers, drawn late, unless the player moved', async () => {
    const heading = p.element('heading');
    let card: Element | null = null;
    void focusKeeper()({ find: () => asHtml(card ?? heading), wait: p.wait, tries: 5, take: true });
    expect(p.focused()).toBe('heading');
    await p.next();
    expect(p.focused()).toBe('heading');
    card = p.element('card');
    await p.next();
    expect(p.focused()).toBe('card');

    // Once the player has pressed Tab, a card drawn later does not take the focus.
    const q = page();
    const h = q.element('heading');
    let late: Element | null = null;
    void focusKeeper()({ find: () => asHtml(late ?? h), wait: q.wait, tries: 5, take: true });
    q.press('keydown', 'Tab');
    late = q.element('card');
    await q.next();
    expect(q.focused()).toBe('heading');
  });

  it('never takes the focus from where the player put it', async () => {
    const heading = p.element('heading');
    void focusKeeper()({ find: () => asHtml(heading), wait: p.wait, tries: 5, take: true });
    p.element('option').focus();
    await p.next();
    await p.next();
    expect(p.focused()).toBe('option');
  });

  it('without take, leaves a focus that is not lost, and waits for an element drawn late', async () => {
    p.element('input').focus();
    let heading: Element | null = null;
    void focusKeeper()({ find: () => asHtml(heading), wait: p.wait, tries: 5 });
    expect(p.focused()).toBe('input');
    p.doc.activeElement = p.doc.body;
    await p.next();
    expect(p.focused()).toBe('body');
    heading = p.element('heading');
    await p.next();
    expect(p.focused()).toBe('heading');
  });

  it('stops after its tries', async () => {
    const heading = p.element('heading');
    void focusKeeper()({ find: () => asHtml(heading), wait: p.wait, tries: 2 });
    await p.next();
    await p.next();
    p.doc.activeElement = p.doc.body;
    await p.next();
    expect(p.focused()).toBe('body');
  });

  it('gives way to a later keep', async () => {
    const keep = focusKeeper();
    const first = p.element('first');
    const second = p.element('second');
    void keep({ find: () => asHtml(first), wait: p.wait, tries: 5, take: true });
    void keep({ find: () => asHtml(second), wait: p.wait, tries: 1, take: true });
    await p.next();
    // The later keep has run out of tries; the earlier one stopped when the later one started.
    p.doc.activeElement = p.doc.body;
    await p.next();
    expect(p.focused()).toBe('body');
  });

  it('leaves a focus the player moved away themselves: Tab out of the page, or a click on nothing', async () => {
    for (const [type, key] of [['keydown', 'Tab'], ['pointerdown', undefined]] as const) {
      const heading = p.element('heading');
      void focusKeeper()({ find: () => asHtml(heading), wait: p.wait, tries: 5, take: true });
      expect(p.focused()).toBe('heading');
      // Another key (a number choosing an option) is not a move of the focus.
      p.press('keydown', '1');
      p.doc.activeElement = p.doc.body;
      await p.next();
      expect(p.focused()).toBe('heading');
      p.press(type, key);
      p.doc.activeElement = p.doc.body;
      await p.next();
      await p.next();
      expect(p.focused(), type).toBe('body');
    }
  });
});
