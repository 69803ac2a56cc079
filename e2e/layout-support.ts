/** Layout checks shared by the specs of phone layouts: words broken over lines, boxes sticking out sideways. */
import type { Locator, Page } from '@playwright/test';

/** The words in an element that the layout breaks over two lines or more (e.g. "5" / "3" for 53). */
export function brokenWords(el: Locator): Promise<string[]> {
  return el.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
}

/**
 * Pixels that stick out sideways: of the page, or of any box in the content that scrolls, unless it
 * is cut off with an ellipsis and the full text in a tooltip. 0: nothing.
 */
export function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    let worst = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('main *')) {
      const style = getComputedStyle(el);
      const x = style.overflowX;
      // (Visually hidden text for screen readers is a 1 px box on purpose.)
      if (x === 'visible' || x === 'clip' || el.clientWidth <= 1) continue;
      // Cut off on purpose, with the full text at hand (a tooltip): fine.
      if (style.textOverflow === 'ellipsis' && el.closest('[title]')) continue;
      worst = Math.max(worst, el.scrollWidth - el.clientWidth);
    }
    return worst;
  });
}
