import { describe, expect, it } from 'vitest';
import { addToHead, scenarioPage } from './vite-plugin-perf';

const INDEX = `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <title>Frontlijn</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-def.css">
  </head>
  <body><div id="app"></div></body>
</html>`;

describe('vite-plugin-perf', () => {
  it('puts the scenario preload in the head, before the entry script, after the CSP', () => {
    const page = scenarioPage(INDEX, '/', 'scenarios/toy-shop-saturday.0123abcd.json');
    const link = '<link rel="preload" as="fetch" type="application/json" crossorigin href="/scenarios/toy-shop-saturday.0123abcd.json">';
    expect(page).toContain(link);
    expect(page.indexOf(link)).toBeGreaterThan(page.indexOf('Content-Security-Policy'));
    expect(page.indexOf(link)).toBeLessThan(page.indexOf('<script'));
    // everything else is unchanged
    expect(page.replace(link + '\n    ', '')).toBe(INDEX);
  });

  it('honours an absolute base and adds before </head> when there is no script or link', () => {
    const html = '<html><head><title>x</title></head><body><script src="/late.js"></script></body></html>';
    const page = scenarioPage(html, '/game/', 'scenarios/a.0123abcd.json');
    expect(page).toMatch(/<title>x<\/title> {2}<link rel="preload"[^>]+href="\/game\/scenarios\/a\.0123abcd\.json">\n {2}<\/head>/);
    expect(() => addToHead('<html></html>', '<link>')).toThrow(/no <\/head>/);
  });
});
