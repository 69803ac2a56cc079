/**
 * For `npm run bench`: the floor that Frontlijn's speed is judged against. Absolute times on these
 * shared machines drift by a factor of two from day to day, so every timing is measured beside a
 * plain HTML page in the same run, under the same profile, and judged as a ratio.
 *
 * The floor is what the browser needs at the least to show a scenario's first decision: one HTML
 * file with the decision written into it, no framework, no stylesheet file, and a few lines of
 * script that set the same performance marks the game sets (`frontlijn:first-choice-ready`,
 * `frontlijn:choice`, `frontlijn:situation-painted`), so the same harness measures both. A second
 * page carries the whole scenario, for choice → next situation painted. Written into the build
 * folder by the bench (never part of the game).
 *
 * Like the game, a scenario with an intro (who you are, the scene) opens with it and a "Begin"
 * button (`#begin-button`) before the decision, which is in the page but hidden until then: the
 * harness measures the player's first move on both pages — "Begin" where there is an intro —
 * so the floor does the same steps as the game, not fewer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang, Next, Scenario } from '../src/engine/types';
import { t } from '../src/engine/text';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem}
ol{list-style:none;padding:0;display:grid;gap:.75rem}button{width:100%;min-height:3.5rem;text-align:left;font:inherit;padding:.75rem 1rem}
#begin-button{width:auto;min-width:10rem}`;

/** The marks and the step to the next decision: the smallest script that plays a scenario. */
const SCRIPT = `
const mark = (n) => performance.mark(n);
const S = window.__scenario;
function target(next) { return typeof next === 'string' ? next : next[next.length - 1].to; }
function show(id) {
  const node = S && S.nodes[id];
  const main = document.querySelector('main');
  main.querySelector('#situation').textContent = node ? node.situation : S.endings[id].title;
  const list = main.querySelector('ol');
  list.replaceChildren();
  for (const o of node ? node.options : []) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button'; b.dataset.option = o.id; b.dataset.next = target(o.next); b.textContent = o.text;
    li.append(b); list.append(li);
  }
  requestAnimationFrame(() => setTimeout(() => mark('frontlijn:situation-painted'), 0));
}
document.addEventListener('click', (e) => {
  if (e.target.closest('#begin-button')) {
    document.querySelector('[data-intro]').remove();
    document.querySelector('[data-decision]').hidden = false;
    document.getElementById('situation').focus();
    return;
  }
  const b = e.target.closest('button[data-option]');
  if (!b || !S) return;
  mark('frontlijn:choice');
  show(b.dataset.next);
});
mark('frontlijn:first-choice-ready');`;

function nodeData(scenario: Scenario, lang: Lang) {
  const nodes: Record<string, { situation: string; options: { id: string; text: string; next: Next }[] }> = {};
  for (const [id, n] of Object.entries(scenario.nodes)) {
    nodes[id] = { situation: t(n.situation, lang), options: n.options.map((o) => ({ id: o.id, text: t(o.text, lang), next: o.next })) };
  }
  const endings = Object.fromEntries(Object.entries(scenario.endings).map(([id, e]) => [id, { title: t(e.title, lang) }]));
  return { nodes, endings };
}

/** The floor page's HTML: the first decision, and with `whole` the scenario to play on. */
export function floorPage(scenario: Scenario, lang: Lang, whole: boolean): string {
  const first = scenario.nodes[scenario.start];
  const options = first.options
    .map((o, i) => `<li><button type="button" data-option="${esc(o.id)}" data-next="${esc(typeof o.next === 'string' ? o.next : o.next[o.next.length - 1].to)}">${i + 1} ${esc(t(o.text, lang))}</button></li>`)
    .join('');
  const data = whole ? `<script>window.__scenario=${JSON.stringify(nodeData(scenario, lang)).replace(/</g, '\\u003c')}</script>` : '';
  // The game opens a new run with this intro when the scenario has one (PlayScreen's `intro`).
  const hasIntro = !!scenario.intro || !!scenario.player;
  const intro = hasIntro
    ? `<section data-intro><h2>Before you start</h2>${scenario.player ? `<p>You are: ${esc(t(scenario.player, lang))}</p>` : ''}${scenario.intro ? `<p>${esc(t(scenario.intro, lang))}</p>` : ''}<button type="button" id="begin-button">Begin</button></section>`
    : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(t(scenario.title, lang))}</title><style>${STYLE}</style></head><body><main>
<h1>${esc(t(scenario.title, lang))}</h1>${intro}<div data-decision${hasIntro ? ' hidden' : ''}>
<h2 id="situation" tabindex="-1">${esc(t(first.situation, lang))}</h2>${first.customer?.says ? `<p>${esc(t(first.customer.says, lang))}</p>` : ''}
<ol aria-label="What do you do?">${options}</ol></div></main>${data}<script>${SCRIPT}</script></body></html>`;
}

/** Writes the floor pages of a scenario into the build folder; returns their paths (from the site's root). */
export function writeFloor(outDir: string, scenario: Scenario, lang: Lang = 'en'): { first: string; play: string } {
  const dir = join(outDir, 'bench-floor', scenario.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), floorPage(scenario, lang, false));
  writeFileSync(join(dir, 'play.html'), floorPage(scenario, lang, true));
  return { first: `/bench-floor/${scenario.id}/`, play: `/bench-floor/${scenario.id}/play.html#/play/floor` };
}
