import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps its listeners for the page's life: each test is a page of its own.
let afterNextFrame: typeof import('./after-next-frame').afterNextFrame;
beforeEach(async () => {
  vi.resetModules();
  ({ afterNextFrame } = await import('./after-next-frame'));
});

/** A page in Node: its document's visibility, its window's events and its frames, by hand. */
function page(visibilityState: 'visible' | 'hidden') {
  const doc = Object.assign(new EventTarget(), { visibilityState });
  const win = new EventTarget();
  const frames: (() => void)[] = [];
  vi.stubGlobal('document', doc);
  const added: string[] = [];
  vi.stubGlobal('addEventListener', (type: string, f: () => void) => (added.push(type), win.addEventListener(type, f)));
  vi.stubGlobal('removeEventListener', win.removeEventListener.bind(win));
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  return { doc, win, added, paint: () => frames.splice(0).forEach((f) => f()) };
}

/** Whether `p` has resolved once the tasks queued so far have run. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('afterNextFrame', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resolves in the task after the next frame is painted, not before', async () => {
    const { paint } = page('visible');
    const painted = afterNextFrame();
    expect(await settled(painted)).toBe(false);
    paint();
    expect(await settled(painted)).toBe(true);
  });

  it('resolves at once on a hidden page, which paints no frames', async () => {
    page('hidden');
    expect(await settled(afterNextFrame())).toBe(true);
  });

  it('resolves when the page is hidden or left while it waits', async () => {
    const { doc, win } = page('visible');
    const hiding = afterNextFrame();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(await settled(hiding)).toBe(true);
    const leaving = afterNextFrame();
    win.dispatchEvent(new Event('pagehide'));
    expect(await settled(leaving)).toBe(true);
  });

  it('resolves as soon as the page is about to be left (a reload in the frame that shows a step)', async () => {
    const { win } = page('visible');
    const reloading = afterNextFrame();
    win.dispatchEvent(new Event('beforeunload'));
    expect(await settled(reloading)).toBe(true);
  });

  it('adds the window\'s leave listeners once, not at every step (each costs the browser far more than an ordinary one)', async () => {
    const { added, paint, win } = page('visible');
    for (let i = 0; i < 3; i++) {
      const painted = afterNextFrame();
      paint();
      expect(await settled(painted)).toBe(true);
    }
    expect(added.sort()).toEqual(['beforeunload', 'pagehide']);
    // Still listening after those frames: a reload in a later step's frame starts its write.
    const reloading = afterNextFrame();
    win.dispatchEvent(new Event('beforeunload'));
    expect(await settled(reloading)).toBe(true);
  });

  it('listens again after the page was left and came back (back/forward cache)', async () => {
    const { win, added } = page('visible');
    const first = afterNextFrame();
    win.dispatchEvent(new Event('pagehide'));
    expect(await settled(first)).toBe(true);
    const again = afterNextFrame();
    win.dispatchEvent(new Event('beforeunload'));
    expect(await settled(again)).toBe(true);
    expect(added.filter((t) => t === 'beforeunload')).toHaveLength(2);
  });
});
