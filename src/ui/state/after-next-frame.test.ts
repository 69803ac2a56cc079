import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame } from './after-next-frame';

/** A page in Node: its document's visibility, its window's events and its frames, by hand. */
function page(visibilityState: 'visible' | 'hidden') {
  const doc = Object.assign(new EventTarget(), { visibilityState });
  const win = new EventTarget();
  const frames: (() => void)[] = [];
  vi.stubGlobal('document', doc);
  vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
  vi.stubGlobal('removeEventListener', win.removeEventListener.bind(win));
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  return { doc, win, paint: () => frames.splice(0).forEach((f) => f()) };
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
});
