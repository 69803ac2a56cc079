import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../src/engine/hash';
import { homeAddress } from '../src/boot/boot';
import type { Scenario } from '../src/engine/types';
import { addCatalogHashes, addToHead, brotliMiddleware, deferPreloads, earlyScript, firstScreenPage, inlineScript, inlineStylesheet, lazyChunkFiles, minifyJson, scenarioPage } from './vite-plugin-perf';

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

  it('with a pre-rendered first decision: boot script first, one version per language, CSS inlined under its CSP hash', () => {
    const index = INDEX.replace(`content="default-src 'self'"`, 'content="default-src &#39;self&#39;; style-src &#39;self&#39;"');
    const css = 'body{color:#123}';
    const page = scenarioPage(index, '/', 'scenarios/s.0123abcd.json', {
      script: '/assets/boot-x.js',
      scenarioId: 's',
      start: 'door',
      seconds: 30,
      css: { href: '/assets/index-def.css', text: css },
      variants: [
        { lang: 'nl', title: 'Winkel · Frontlijn', modeLabels: { coaching: 'Oefenen', assessment: 'Toets' }, modeHints: { coaching: 'Na elke keuze uitleg.', assessment: 'Telt mee.' }, html: '<main>nl "<b>"</main>', secondsOne: 'nog 1 seconde', secondsOther: 'nog {n} seconden', playingAs: 'Speler: {name}', switchPlayer: 'Volgende speler' },
        { lang: 'en', title: 'Shop · Frontlijn', modeLabels: { coaching: 'Coaching', assessment: 'Assessment' }, html: '<main>en</main>' },
      ],
    });
    expect(page.indexOf('src="/assets/boot-x.js"')).toBeLessThan(page.indexOf('src="/assets/index-abc.js"'));
    // the boot script first in line for the network; the app and the scenario behind it
    expect(page).toContain('<script type="module" async crossorigin fetchpriority="high" src="/assets/boot-x.js">');
    expect(page).toContain('<script type="module" crossorigin fetchpriority="low" src="/assets/index-abc.js">');
    expect(page).toMatch(/<link rel="preload" fetchpriority="low" as="fetch"[^>]+scenarios\/s\.0123abcd\.json">/);
    expect(page).toContain('<div id="boot" data-scenario="s" data-start="door" data-seconds="30">');
    expect(page).toContain('<div lang="nl" data-lang="nl" data-title="Winkel · Frontlijn" data-mode-coaching="Oefenen" data-mode-assessment="Toets" data-mode-coaching-hint="Na elke keuze uitleg." data-mode-assessment-hint="Telt mee." data-seconds-one="nog 1 seconde" data-seconds-other="nog {n} seconden" data-playing-as="Speler: {name}" data-switch-player="Volgende speler"><main>nl "<b>"</main></div>');
    expect(page).toContain('<div lang="en" data-lang="en"');
    expect(page).toMatch(/<\/div>\n {4}<div id="app"><\/div>/);
    // the boot script is a file here (no script-src to allow it inline in): the app keeps its own script tag
    expect(page).toContain('<title>Winkel · Frontlijn</title>');
    const hash = createHash('sha256').update(css).digest('base64');
    expect(page).toContain(`style-src &#39;self&#39; &#39;sha256-${hash}&#39;`);
    expect(page).toContain(`<style>${css}</style>`);
    // never fetched, but Vite's loader of lazy chunks sees the stylesheet is there and adds no copy
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/index-def.css" disabled>');
    expect(page.match(/<link[^>]*index-def\.css[^>]*>/g)).toHaveLength(1);
  });

  it('carries the boot script inline, right after #app and before the app runs, allowed by its CSP hash', () => {
    const index = INDEX.replace(`content="default-src 'self'"`, 'content="default-src &#39;self&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;"');
    const code = 'var e=`frontlijn.lang`;function t(){document.getElementById(`boot`)}t();\n//# sourceMappingURL=boot-x.js.map\n';
    const boot = {
      script: '/assets/boot-x.js',
      code,
      scenarioId: 's',
      start: 'door',
      preload: ['/assets/start-x.js', '/assets/play-y.js'],
      variants: [{ lang: 'nl', title: 'Winkel · Frontlijn', modeLabels: { coaching: 'Coaching', assessment: 'Toets' }, html: '<main>nl</main>' }],
    };
    const page = scenarioPage(index, '/', 'scenarios/s.0123abcd.json', boot);
    const script = '(()=>{"use strict";var e=`frontlijn.lang`;function t(){document.getElementById(`boot`)}t();\n})();';
    expect(inlineScript(code)).toBe(script);
    // no second download: nothing refers to the file
    expect(page).not.toContain('boot-x.js');
    // the parser runs it as soon as #boot and #app are there; the app's module scripts wait for the whole page
    expect(page).toContain(`<div id="app"></div>\n    <script>${script}</script>`);
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page).toContain(`script-src &#39;self&#39; &#39;sha256-${hash}&#39;`);
    // the app runs only once the boot script adds it, after the first frame: the page names its
    // entry, its modules and the scenario's JSON on #boot and has no tag of its own for them
    expect(page).not.toContain('<script type="module"');
    expect(page).not.toContain('<link rel="modulepreload"');
    expect(page).not.toContain('<link rel="preload"');
    expect(page).toContain(
      '<div id="boot" data-scenario="s" data-start="door" data-app="/assets/index-abc.js" data-app-modules="/assets/start-x.js /assets/play-y.js" data-app-fetch="/scenarios/s.0123abcd.json">',
    );

    // Text that could end the element, or a module with imports, stays a file; so does a page without a script-src to extend.
    for (const odd of ['x="</script>"', 'import{a as b}from"./c.js";b()', 'import"./c.js"', 'export{t}']) {
      expect(inlineScript(odd)).toBeNull();
      expect(scenarioPage(index, '/', 'scenarios/s.0123abcd.json', { ...boot, code: odd })).toContain('<script type="module" async crossorigin fetchpriority="high" src="/assets/boot-x.js">');
    }
    const noScriptSrc = scenarioPage(INDEX, '/', 'scenarios/s.0123abcd.json', boot);
    expect(noScriptSrc).toContain('src="/assets/boot-x.js"');
    expect(noScriptSrc).not.toContain('"use strict"');
    expect(noScriptSrc).toContain('<script type="module" crossorigin fetchpriority="low" src="/assets/index-abc.js">');
    expect(noScriptSrc).toContain('<link rel="modulepreload" crossorigin fetchpriority="low" href="/assets/play-y.js">');
    expect(noScriptSrc).not.toContain('data-app');
  });

  it('defers only the preloads of code and data, never other links', () => {
    const html = '<html><head><link rel="preload" as="style" href="/a.css">\n    <link rel="modulepreload" crossorigin href="/m.js">\n    <link rel="preload" fetchpriority="low" as="fetch" crossorigin href="/s.json">\n    <link rel="icon" href="/i.svg"></head><body><div id="boot" data-scenario="s"></div></body></html>';
    expect(deferPreloads(html)).toBe(
      '<html><head><link rel="preload" as="style" href="/a.css">\n    <link rel="icon" href="/i.svg"></head><body><div id="boot" data-scenario="s" data-app-modules="/m.js" data-app-fetch="/s.json"></div></body></html>',
    );
  });

  it('leaves the stylesheet linked when the page has no CSP style-src to extend or the CSS could close the tag', () => {
    expect(inlineStylesheet(INDEX, '/assets/index-def.css', 'a{}')).toBe(INDEX);
    const strict = INDEX.replace(`content="default-src 'self'"`, 'content="style-src &#39;self&#39;"');
    expect(inlineStylesheet(strict, '/assets/index-def.css', 'a{}</style><script>')).toBe(strict);
  });

  it('honours an absolute base and adds before </head> when there is no script or link', () => {
    const html = '<html><head><title>x</title></head><body><script src="/late.js"></script></body></html>';
    const page = scenarioPage(html, '/game/', 'scenarios/a.0123abcd.json');
    expect(page).toMatch(/<title>x<\/title> {2}<link rel="preload"[^>]+href="\/game\/scenarios\/a\.0123abcd\.json">\n {2}<\/head>/);
    expect(() => addToHead('<html></html>', '<link>')).toThrow(/no <\/head>/);
  });
});

describe('firstScreenPage (index.html)', () => {
  const strict = INDEX.replace(`content="default-src 'self'"`, 'content="default-src &#39;self&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;"').replace(
    '</head>',
    '  <link rel="stylesheet" crossorigin href="/assets/Who-x.css">\n  </head>',
  );
  const boot = {
    code: 'document.getElementById(`boot`);\n//# sourceMappingURL=boot-x.js.map\n',
    css: { href: '/assets/index-def.css', text: 'body{color:#123}\n.who{gap:1rem}', alsoInlined: ['/assets/Who-x.css'] },
    firstCode: ['/assets/Who-x.js'],
    variants: [
      { lang: 'nl', title: 'Wie speelt er? · Frontlijn', loading: 'Laden…', html: '<main>nl "<b>"</main>' },
      { lang: 'en', title: 'Who is playing? · Frontlijn', loading: 'Loading…', html: '<main>en</main>' },
    ],
  };

  it('carries the first screen in each language, the boot script after #app and the stylesheets inline, each allowed by its CSP hash', () => {
    const page = firstScreenPage(strict, boot);
    expect(page).toContain(
      '<div lang="nl" data-lang="nl" data-title="Wie speelt er? · Frontlijn" data-loading="Laden…"><main>nl "<b>"</main></div><div lang="en" data-lang="en" data-title="Who is playing? · Frontlijn" data-loading="Loading…"><main>en</main></div></div>\n    <div id="app"></div>\n    <script>',
    );
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1];
    expect(script).toBe(inlineScript(boot.code));
    const sha = (text: string) => createHash('sha256').update(text).digest('base64');
    expect(page).toContain(`script-src &#39;self&#39; &#39;sha256-${sha(script)}&#39;`);
    expect(page).toContain(`style-src &#39;self&#39; &#39;sha256-${sha(boot.css.text)}&#39;`);
    expect(page).toContain(`<style>${boot.css.text}</style>`);
    // the entry's stylesheet is in the <style> too: one disabled link, never fetched, keeps Vite's
    // loader from adding it again when the app starts
    expect(page.match(/index-def\.css/g)).toHaveLength(1);
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/index-def.css" disabled>');
    // the first screen's own stylesheet is in the <style>: its link only tells Vite's loader so
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/Who-x.css" disabled>');
    // the app comes after the first frame: the boot script adds its entry and the first screen's code
    expect(page).not.toContain('<script type="module"');
    expect(page).toContain('<div id="boot" data-page="who" data-app="/assets/index-abc.js" data-app-first="/assets/Who-x.js">');
  });

  it('leaves the page as it was without a script-src to allow the boot script in', () => {
    expect(firstScreenPage(INDEX, boot)).toBe(INDEX);
  });

  it('carries each built-in\'s first decision, for `#/play/<id>`, as data after the boot script', () => {
    const decision = (scenarioId: string) => ({
      script: '/assets/boot-x.js',
      scenarioId,
      start: 'door',
      variants: [{ lang: 'nl', title: 'Winkel · Frontlijn', modeLabels: { coaching: 'Coaching', assessment: 'Toets' }, html: `<main>${scenarioId} </script></main>` }],
    });
    const plays = ['shop', 'tram'].map((id) => ({ boot: decision(id), modules: ['/assets/start-x.js', '/assets/Play-x.js'], fetch: `/scenarios/${id}.0123abcd.json` }));
    const page = firstScreenPage(strict, { ...boot, plays });
    // `/` itself: the same first screen, which names the scenarios the page carries
    expect(page).toContain('<div id="boot" data-page="who" data-app="/assets/index-abc.js" data-app-first="/assets/Who-x.js" data-plays="shop tram">');
    expect(page.replace(/(\n {4}<script type="application\/json"[^>]*>[^<]*<\/script>)+/, '').replace(' data-plays="shop tram"', '')).toBe(firstScreenPage(strict, boot));
    // each one as its own page has it, with what the app needs there, after the boot script
    const blocks = [...page.matchAll(/<script type="application\/json" data-play="([^"]+)">([^<]*)<\/script>/g)];
    expect(blocks.map((b) => b[1])).toEqual(['shop', 'tram']);
    expect(JSON.parse(blocks[0][2])).toBe(
      '<div id="boot" data-scenario="shop" data-start="door" data-app="/assets/index-abc.js" data-app-modules="/assets/start-x.js /assets/Play-x.js" data-app-fetch="/scenarios/shop.0123abcd.json">' +
        '<div lang="nl" data-lang="nl" data-title="Winkel · Frontlijn" data-mode-coaching="Coaching" data-mode-assessment="Toets"><main>shop </script></main></div></div>',
    );
    expect(page.indexOf('<script>')).toBeLessThan(blocks[0].index);
    expect(page.indexOf('</body>')).toBeGreaterThan(blocks[1].index);
    // data, never run: only the boot script is a script to run, and nothing of them is fetched
    expect(page.match(/<script(?! type="application\/json")/g)).toHaveLength(1);
    expect(page).not.toMatch(/<link rel="(modulepreload|preload)"/);
  });
});

describe('earlyScript (index.html)', () => {
  /** What the script asks the browser to fetch when index.html is opened at `hash`. */
  function fetched(hash: string, home = false): string[] {
    const added: string[] = [];
    const document = {
      head: { append: (l: { rel: string; as?: string; href: string; crossOrigin: string }) => added.push(`${l.rel}${l.as ? `/${l.as}` : ''} ${l.crossOrigin} ${l.href}`) },
      createElement: () => ({}),
    };
    const code = earlyScript({ toy: '/scenarios/toy.0123abcd.json' }, ['/assets/play.js'], ['/assets/Who.js', '/assets/play.js'], home ? homeAddress : undefined);
    runInNewContext(code, { location: { pathname: '/', search: '', hash }, document });
    return added;
  }

  it('with a pre-rendered first screen preloads nothing at `/` (the boot script does, after the first frame), elsewhere as before', () => {
    for (const hash of ['', '#', '#/']) expect(fetched(hash, true)).toEqual([]);
    expect(fetched('#/scenarios', true)).toEqual(fetched('#/scenarios'));
    expect(fetched('#/play/toy', true)).toEqual(fetched('#/play/toy'));
  });

  it('at #/play/<id> of a built-in fetches its JSON and the play code at once, and nothing of the first screen', () => {
    const play = ['preload/fetch anonymous /scenarios/toy.0123abcd.json', 'modulepreload anonymous /assets/play.js'];
    expect(fetched('#/play/toy')).toEqual(play);
    expect(fetched('#/play/toy?mode=assessment')).toEqual(play);
    expect(fetched('#/play/toy/')).toEqual(play);
  });

  it('at #/play/<id> of a built-in whose first decision the page carries preloads nothing (the boot script does, after the first frame)', () => {
    const added: string[] = [];
    const document = { head: { append: (l: { href: string }) => added.push(l.href) }, createElement: () => ({}) };
    const code = earlyScript({ toy: '/scenarios/toy.0123abcd.json', other: '/scenarios/other.0123abcd.json' }, ['/assets/play.js'], ['/assets/Who.js'], homeAddress, ['toy']);
    runInNewContext(code, { location: { pathname: '/', search: '', hash: '#/play/toy?mode=assessment' }, document });
    expect(added).toEqual([]);
    runInNewContext(code, { location: { pathname: '/', search: '', hash: '#/play/other' }, document });
    expect(added).toEqual(['/scenarios/other.0123abcd.json', '/assets/play.js']);
  });

  it('anywhere else preloads the first screen\'s code, never a scenario', () => {
    const who = ['modulepreload anonymous /assets/Who.js', 'modulepreload anonymous /assets/play.js'];
    for (const hash of ['', '#', '#/', '#/scenarios', '#/play/custom-one', '#/play/toyx', '#/play/toy/abc', '#/play/constructor']) expect(fetched(hash)).toEqual(who);
  });
});

describe('minifyJson and the preview Brotli middleware', () => {
  it('minifies JSON and leaves anything else alone', () => {
    expect(minifyJson('{\n  "a": [1, 2],\n  "b": "x y"\n}\n')).toBe('{"a":[1,2],"b":"x y"}');
    expect(minifyJson('{ broken')).toBe('{ broken');
  });

  it('serves build files Brotli-compressed to browsers that accept it, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'perf-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'play', 'x'), { recursive: true });
    writeFileSync(join(dir, 'assets', 'a.js'), 'console.log("hello hello hello hello");');
    writeFileSync(join(dir, 'play', 'x', 'index.html'), '<!doctype html><title>x</title>');
    const mw = brotliMiddleware(dir);
    const call = (url: string, ae = 'gzip, deflate, br, zstd') => {
      const headers: Record<string, string> = {};
      let body: Buffer | undefined;
      let nexted = false;
      const res = { setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v), end: (b?: Buffer) => (body = b) };
      mw({ method: 'GET', url, headers: { 'accept-encoding': ae } } as never, res as never, () => (nexted = true));
      return { headers, body, nexted };
    };
    const js = call('/assets/a.js');
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toMatch(/immutable/);
    expect(brotliDecompressSync(js.body!).toString()).toBe('console.log("hello hello hello hello");');
    const page = call('/play/x/');
    expect(brotliDecompressSync(page.body!).toString()).toContain('<title>x</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(call('/assets/a.js', 'gzip').nexted).toBe(true);
    expect(call('/missing.js').nexted).toBe(true);
    expect(call('/../../etc/passwd.json').nexted).toBe(true);
    expect(call('/%E0%A4%A').nexted).toBe(true);
  });
});

describe('addCatalogHashes', () => {
  it('adds the engine contentHash of the exact emitted file to each catalog entry', () => {
    const text = '{\n  "id": "a",\n  "title": "A"\n}\n';
    const sha = createHash('sha256').update(text).digest('hex').slice(0, 8);
    const code = `export const catalog = ${JSON.stringify([{ id: 'a', url: `/scenarios/a.${sha}.json` }, { id: 'b', url: '/scenarios/b.00000000.json' }])};\nexport default catalog;\n`;
    const out = addCatalogHashes(code, [text, '{"id":"b"}'])!;
    const entries = JSON.parse(/^export const catalog = (.*);\n/.exec(out)![1]) as { id: string; hash?: string }[];
    expect(entries[0].hash).toBe(contentHash(JSON.parse(text) as Scenario));
    expect(entries[0].hash).toMatch(/^[0-9a-f]{16}$/);
    expect(entries[1].hash).toBeUndefined(); // no file with that text
    expect(out.endsWith('export default catalog;\n')).toBe(true);
    expect(addCatalogHashes('export default 1;', [])).toBeNull();
  });
});

describe('lazyChunkFiles', () => {
  it('lists the JS and CSS a lazy screen needs beyond what the entry loads', () => {
    const chunk = (fileName: string, imports: string[], extra: Record<string, unknown> = {}) => ({ type: 'chunk', fileName, imports, isEntry: false, facadeModuleId: null, ...extra });
    const bundle = {
      'assets/index.js': chunk('assets/index.js', ['assets/runtime.js'], { isEntry: true, facadeModuleId: '/p/index.html' }),
      'assets/runtime.js': chunk('assets/runtime.js', []),
      'assets/Who.js': chunk('assets/Who.js', ['assets/runtime.js', 'assets/shared.js'], {
        facadeModuleId: '/p/src/ui/screens/WhoScreen.svelte',
        viteMetadata: { importedCss: new Set(['assets/Who.css']) },
      }),
      'assets/shared.js': chunk('assets/shared.js', []),
      'assets/Other.js': chunk('assets/Other.js', [], { facadeModuleId: '/p/src/ui/screens/Other.svelte' }),
    } as never;
    expect(lazyChunkFiles(bundle, (id) => id.endsWith('WhoScreen.svelte'))).toEqual({ js: ['assets/Who.js', 'assets/shared.js'], css: ['assets/Who.css'] });
    expect(lazyChunkFiles(bundle, () => false)).toEqual({ js: [], css: [] });
  });
});
