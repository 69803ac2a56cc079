/**
 * A manager's authoring work in the browser: import a valid file and play it, import a broken one
 * and find each problem in the text, replace and delete, download a template, read the map with
 * its best path and flags, and start a test run from a node.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';

test.use({ locale: 'en-US' });

/** A small, valid, bilingual scenario. */
function scenario(id: string, version = 1): Record<string, unknown> {
  return {
    formatVersion: 1,
    id,
    title: { nl: `Kiosk op het station v${version}`, en: `Station kiosk v${version}` },
    description: { nl: 'Een reiziger zoekt een oplader.', en: 'A traveller looks for a charger.' },
    setting: 'station',
    player: { nl: 'Je staat achter de kassa van de kiosk.', en: 'You work the till of the kiosk.' },
    customer: { name: 'Noor', initialMood: 0 },
    languages: ['nl', 'en'],
    start: 'greet',
    nodes: {
      greet: {
        situation: { nl: 'Een reiziger kijkt zoekend rond.', en: 'A traveller looks around, searching.' },
        customer: { says: { nl: 'Hebben jullie opladers?', en: 'Do you sell chargers?' } },
        options: [
          { id: 'show', text: { nl: 'Ik loop even met u mee.', en: "I'll walk you to them." }, effects: { warmth: 2, initiative: 2, outcome: 1, mood: 1 }, feedback: { nl: 'Meelopen toont eigenaarschap.', en: 'Walking along shows ownership.' }, next: 'pick' },
          { id: 'point', text: { nl: 'Achterin.', en: 'At the back.' }, effects: { warmth: -1, initiative: 0, outcome: 0, mood: -1 }, feedback: { nl: 'Kortaf; de klant zoekt verder.', en: 'Curt; the customer keeps searching.' }, next: 'pick' },
        ],
      },
      pick: {
        situation: { nl: 'Er hangen twee soorten.', en: 'There are two kinds.' },
        customer: { says: { nl: 'Welke past op mijn telefoon?', en: 'Which one fits my phone?' } },
        options: [
          { id: 'ask', text: { nl: 'Welke telefoon heeft u?', en: 'Which phone do you have?' }, effects: { warmth: 1, initiative: 2, outcome: 2, mood: 1 }, feedback: { nl: 'Doorvragen vindt de juiste.', en: 'Asking finds the right one.' }, next: 'fan' },
          { id: 'guess', text: { nl: 'Deze vast wel.', en: 'This one, probably.' }, effects: { warmth: 0, initiative: -1, outcome: -1, mood: -1 }, feedback: { nl: 'Gokken kost vertrouwen.', en: 'Guessing costs trust.' }, next: 'meh' },
        ],
      },
    },
    endings: {
      fan: { title: { nl: 'Blije reiziger', en: 'Happy traveller' }, text: { nl: 'Noor vertrekt met de juiste oplader.', en: 'Noor leaves with the right charger.' }, tone: 'fan', effects: { outcome: 2 } },
      meh: { title: { nl: 'Twijfel', en: 'Doubt' }, text: { nl: 'Noor koopt hem, maar twijfelt.', en: 'Noor buys it, unsure.' }, tone: 'neutral' },
    },
  };
}

const file = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2)) });

/** Coaching mode shows feedback with "Continue" after a choice: press it until `target` shows. */
async function goOnUntil(page: Page, target: Locator) {
  const goOn = page.getByRole('button', { name: 'Continue', exact: true });
  for (let i = 0; i < 6; i++) {
    await expect(target.or(goOn).first()).toBeVisible({ timeout: 15_000 });
    if (await target.isVisible()) return;
    await goOn.click();
  }
  await expect(target).toBeVisible();
}

async function importFile(page: Page, f: ReturnType<typeof file>) {
  await page.getByLabel('Choose a file…').first().setInputFiles(f);
}

test('a valid file is stored as custom, listed among the scenarios and playable', async ({ page }) => {
  await page.goto('/#/author');
  await importFile(page, file('kiosk.json', scenario('e2e-kiosk')));
  await expect(page.locator('.verdict')).toContainText('“Station kiosk v1” is valid and stored as your own scenario.');
  const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Station kiosk v1/ }) });
  await expect(mine.getByText('Custom', { exact: true })).toBeVisible();
  await expect(mine.getByText('1 version')).toBeVisible();

  await page.goto('/#/scenarios');
  const card = page.getByRole('listitem').filter({ hasText: 'Station kiosk v1' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Custom', { exact: true })).toBeVisible();

  await page.goto('/#/author');
  await page.getByRole('link', { name: 'Play Station kiosk v1' }).click();
  await expect(page).toHaveURL(/#\/play\/e2e-kiosk/);
  await page.getByRole('button', { name: 'Begin' }).click({ timeout: 15_000 });
  await expect(page.getByText('A traveller looks around, searching.')).toBeVisible();
});

test('a broken file lists every problem with line:column and marks it in the text; the list survives a re-import', async ({ page }) => {
  await page.goto('/#/author');
  const broken = scenario('e2e-broken') as { nodes: Record<string, { options: { next: string }[] }> };
  broken.nodes.greet.options[0].next = 'pik'; // typo for "pick"
  const text = JSON.stringify(broken, null, 2);
  const line = text.split('\n').findIndex((l) => l.includes('"next": "pik"')) + 1;
  await importFile(page, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('.verdict')).toContainText('Not stored.');
  const first = page.locator('.problem.error').first();
  await expect(first).toContainText('pik');
  await expect(first).toContainText(/did you mean "pick"/);
  await expect(first.locator('.where')).toHaveText(new RegExp(`^${line}:\\d+$`));
  await first.click();
  const marked = page.locator('li[aria-current="location"]');
  await expect(marked).toHaveAttribute('value', String(line));
  await expect(marked.locator('mark')).toHaveCount(1);
  await expect(page.getByText(new RegExp(`^Line ${line}, column \\d+:$`))).toBeVisible();

  // The draft map shows what could be read.
  await page.getByRole('link', { name: 'See the file as a map' }).click();
  await expect(page.getByText('This file has errors and is not stored.')).toBeVisible();
  await page.getByRole('button', { name: 'List' }).click();
  await page.getByRole('button', { name: /^greet — Decision/ }).click();
  await expect(page.getByRole('complementary').getByText('pik (does not exist)')).toBeVisible();
  await page.goBack();

  // The report stays until a new import replaces it.
  await expect(page.locator('.problem.error').first()).toContainText('pik');
  await importFile(page, file('fixed.json', scenario('e2e-broken')));
  await expect(page.locator('.verdict')).toContainText('is valid and stored');
  await expect(page.locator('.problem.error')).toHaveCount(0);
});

test('replace with a newer version, then delete after confirming', async ({ page }) => {
  await page.goto('/#/author');
  await importFile(page, file('kiosk.json', scenario('e2e-replace', 1)));
  await expect(page.locator('.verdict')).toContainText('is valid and stored');
  // "Replace…" is a button that opens the file picker; the picker is named after the file it takes.
  await expect(page.getByRole('button', { name: 'Replace Station kiosk v1 with a newer version' })).toBeVisible();
  await page.getByLabel('File with the new version of Station kiosk v1 (.json)').setInputFiles(file('kiosk-v2.json', scenario('e2e-replace', 2)));
  await expect(page.locator('.verdict')).toContainText('New version of “Station kiosk v2” stored.');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Station kiosk v2/ }) });
  await expect(item.getByText('2 versions')).toBeVisible();

  // Export gives back the exact text of the newest version.
  const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Export Station kiosk v2 as a file' }).click()]);
  expect(download.suggestedFilename()).toBe('e2e-replace.json');
  expect(JSON.parse(await readFile((await download.path())!, 'utf8')).title.en).toBe('Station kiosk v2');

  // Replacing with a file of another id is refused with a reason.
  await item.getByLabel('File with the new version of Station kiosk v2 (.json)').setInputFiles(file('other.json', scenario('e2e-other')));
  await expect(page.locator('.verdict')).toContainText('This file has the id “e2e-other”, but you were replacing “e2e-replace”.');
  await expect(page.locator('.verdict')).toContainText('Not stored: the version you already have stays as it was.');
  // So is a broken file, and the manager is told the stored version is untouched.
  await item.getByLabel('File with the new version of Station kiosk v2 (.json)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": "e2e-replace", ') });
  await expect(page.locator('.verdict')).toContainText('Not stored: the version you already have stays as it was.');
  await expect(item.getByText('2 versions')).toBeVisible();

  await item.getByRole('button', { name: 'Delete Station kiosk v2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Station kiosk v2”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Delete Station kiosk v2' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('“Station kiosk v2” was deleted.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Station kiosk v2/ })).toHaveCount(0);
});

test('a built-in scenario downloads as a template with a fresh id that imports as valid', async ({ page }) => {
  await page.goto('/#/author');
  const select = page.getByLabel('Built-in scenario');
  const builtIn = await select.inputValue();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as template' }).click()]);
  const text = await readFile((await download.path())!, 'utf8');
  const data = JSON.parse(text);
  expect(data.id).toMatch(new RegExp(`^${builtIn}-mine-[0-9a-f]{4}$`));
  expect(download.suggestedFilename()).toBe(`${data.id}.json`);
  expect(data.title.en).toMatch(/\(copy\)$/);
  await importFile(page, { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('.verdict')).toContainText('is valid and stored');
});

test('the schema a template\'s "$schema" line names can be downloaded to put beside it', async ({ page }) => {
  await page.goto('/#/author');
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as template' }).click()]);
  const schemaPath = JSON.parse(await readFile((await template.path())!, 'utf8')).$schema;
  expect(schemaPath).toBe('./scenario.schema.json');
  const [schema] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the schema' }).click()]);
  expect(schema.suggestedFilename()).toBe('scenario.schema.json');
  const data = JSON.parse(await readFile((await schema.path())!, 'utf8'));
  expect(Object.keys(data.properties)).toEqual(expect.arrayContaining(['nodes', 'endings', 'languages']));
  await expect(page.getByRole('status').filter({ hasText: 'Saved scenario.schema.json: put it in the same folder as your scenario.' })).toBeVisible();
});

test('the map shows every node, the best path and flags; a node opens in a panel and plays from there', async ({ page }) => {
  await page.goto('/#/author');
  await importFile(page, file('kiosk.json', scenario('e2e-map')));
  await expect(page.locator('.verdict')).toContainText('is valid and stored');
  await page.locator('.verdict').getByRole('link', { name: 'Map' }).click();
  const map = page.getByRole('application', { name: /Scenario map/ });
  await expect(map).toBeVisible();
  await expect(map.locator('[data-node]')).toHaveCount(4);
  await expect(map.locator('.edge.best')).toHaveCount(2);
  await expect(map.locator('[data-node="greet"]')).toHaveAttribute('aria-label', /Decision\. greet\..*best path/);
  await expect(map.getByText('W+2 I+2 O+1 ☺+1')).toBeVisible();

  // Zoom, fit and keyboard panning change the view.
  const g = map.locator(':scope > g');
  const before = await g.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect(await g.getAttribute('transform')).not.toBe(before);
  await map.focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('button', { name: 'Fit' }).click();

  await map.locator('[data-node="pick"]').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { name: 'pick' })).toBeVisible();
  await expect(panel.getByText('There are two kinds.')).toBeVisible();
  await panel.getByLabel('Nederlands').check();
  await expect(panel.getByText('Er hangen twee soorten.')).toBeVisible();
  await panel.getByRole('link', { name: 'Play from here' }).click();
  await expect(page).toHaveURL(/#\/play\/e2e-map\?from=pick&hash=[0-9a-f]+/);
  await expect(page.getByText(/There are two kinds\.|Er hangen twee soorten\./)).toBeVisible({ timeout: 15_000 });
});

test('flags: a file with an unreachable node and a dead end shows both on its map', async ({ page }) => {
  await page.goto('/#/author');
  const s = scenario('e2e-flags') as { nodes: Record<string, unknown> };
  s.nodes.island = { situation: 'Nobody comes here.', options: [{ id: 'a', text: 'x', next: 'loop' }, { id: 'b', text: 'y', next: 'loop' }] };
  s.nodes.loop = { situation: 'Round and round.', options: [{ id: 'a', text: 'again', next: 'loop' }, { id: 'b', text: 'back', next: 'island' }] };
  await importFile(page, file('flags.json', s));
  await expect(page.locator('.verdict')).toContainText('Not stored.');
  await page.getByRole('link', { name: 'See the file as a map' }).click();
  const island = page.locator('[data-node="island"]');
  await expect(island).toHaveAttribute('aria-label', /unreachable/);
  await expect(island).toHaveAttribute('aria-label', /dead end/);
  await expect(island.getByText(/⚠/)).toBeVisible();
  await expect(page.locator('.edge.best')).toHaveCount(0);
});

test('the built-in scenario map renders with its best path, in the list view too', async ({ page }) => {
  await page.goto('/#/author/map/toy-shop-saturday');
  const map = page.getByRole('application', { name: /Scenario map/ });
  await expect(map).toBeVisible();
  expect(await map.locator('[data-node]').count()).toBeGreaterThan(5);
  expect(await map.locator('.edge.best').count()).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByText(/★ best path/).first()).toBeVisible();
});

test('the heatmap shows how often players took each option of the version they played', async ({ page }) => {
  await page.goto('/#/author');
  await importFile(page, file('kiosk.json', scenario('e2e-heat')));
  await expect(page.locator('.verdict')).toContainText('is valid and stored');
  // One real run: walk along, then ask which phone.
  await page.locator('.verdict').getByRole('link', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.locator('[data-option="show"]').click();
  await goOnUntil(page, page.locator('[data-option="ask"]'));
  await page.locator('[data-option="ask"]').click();
  await goOnUntil(page, page.getByText(/Happy traveller|Noor leaves with the right charger/).first());

  await page.goto('/#/author/map/e2e-heat');
  await expect(page.getByText('1 run counted')).toBeVisible();
  const map = page.getByRole('application', { name: /Scenario map/ });
  await expect(map.locator('.elabel').filter({ hasText: 'show ·' })).toContainText('100% · 1×');
  await expect(map.locator('.elabel').filter({ hasText: 'point ·' })).toContainText('0% · 0×');
  await expect(map.locator('path.heat')).toHaveCount(2);
  // Per team: this guest is in no team, so "No team" counts the run and a team filter would not.
  await page.getByLabel('Team').selectOption('none');
  await expect(page.getByText('1 run counted')).toBeVisible();
});

test('the map\'s "What players chose" labels stay whole words on a phone and on a desktop', async ({ page }) => {
  await page.goto('/#/author');
  await importFile(page, file('kiosk.json', scenario('e2e-heat-words')));
  await expect(page.locator('.verdict')).toContainText('is valid and stored');
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/#/author/map/e2e-heat-words');
    const controls = page.getByRole('group', { name: 'What players chose' });
    for (const word of ['Team', 'Version']) {
      // The label's words, as drawn: one line box each, not "Tea" and "m" on two lines.
      const lines = await controls.getByLabel(word).evaluate((select) => {
        const walk = document.createTreeWalker(select.closest('label') as Node, NodeFilter.SHOW_TEXT);
        let n: Node | null;
        while ((n = walk.nextNode()) && !n.textContent?.trim());
        const range = document.createRange();
        range.selectNodeContents(n as Node);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, `"${word}" at ${width} px`).toBe(1);
    }
  }
});

test('a file dropped on the import area is checked like a picked one', async ({ page }) => {
  await page.goto('/#/author');
  const text = JSON.stringify(scenario('e2e-drop'), null, 2);
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  const zone = page.getByRole('group', { name: 'Drop a scenario file here' });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('.verdict')).toContainText('“Station kiosk v1” is valid and stored');
  await expect(page.getByText(/^dropped\.json · \d+ kB · checked in/)).toBeVisible();
});

test('on a phone a long check shows its Stop button in view; stopped, the file is said to be stopped, not checked', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  // A checker that starts and never answers: a file that takes very long to check.
  await page.route(/\/assets\/validate\.worker-[\w-]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'postMessage({ ready: true });' }));
  await page.goto('/#/author');
  await importFile(page, file('slow.json', scenario('e2e-slow')));
  // Before, both sat below the fold of a 360 × 640 phone, under the import box.
  await expect(page.getByRole('status').filter({ hasText: 'Checking slow.json…' })).toBeInViewport();
  const stop = page.getByRole('button', { name: 'Stop checking' });
  await expect(stop).toBeInViewport();
  await stop.click();
  await expect(page.locator('.verdict')).toContainText('You stopped the check before it finished.');
  // Before: "slow.json · 2 kB · checked in 1534 ms".
  await expect(page.getByText(/^slow\.json · \d+ kB · check stopped$/)).toBeVisible();
  await expect(page.getByText(/checked in/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByText(/^slow\.json · \d+ kB · controle gestopt$/)).toBeVisible();
  await expect(page.getByText(/gecontroleerd in/)).toHaveCount(0);
});

test('pasted text is a draft: it is still there after a look at the map, a reload and a new tab', async ({ page, context }) => {
  await page.goto('/#/author');
  const broken = scenario('e2e-paste') as { nodes: Record<string, { options: { next: string }[] }> };
  broken.nodes.greet.options[0].next = 'pik'; // typo for "pick"
  const text = JSON.stringify(broken, null, 2);
  await page.getByText('Or paste the text').click();
  await page.getByLabel('Scenario JSON').fill(text);
  await page.getByRole('button', { name: 'Check this text' }).click();
  await expect(page.locator('.problem.error').first()).toContainText('did you mean "pick"');

  await page.getByRole('link', { name: 'See the file as a map' }).click();
  await expect(page.getByText('This file has errors and is not stored.')).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Scenario JSON')).toHaveValue(text);

  // She fixes the typo in the box itself; the fixed text survives a reload and a new tab.
  const fixed = text.replace('"pik"', '"pick"');
  await page.getByLabel('Scenario JSON').fill(fixed);
  await page.reload();
  await expect(page.getByLabel('Scenario JSON')).toHaveValue(fixed);
  const other = await context.newPage();
  await other.goto('/#/author');
  await expect(other.getByLabel('Scenario JSON')).toHaveValue(fixed);
  await other.getByRole('button', { name: 'Check this text' }).click();
  await expect(other.locator('.verdict')).toContainText('is valid and stored');
});

test('the authoring screen, a report with problems and the map pass axe', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const check = async () => {
    const r = await new AxeBuilder({ page }).include('main').analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  };
  await page.goto('/#/author');
  await expect(page.getByRole('heading', { name: 'Write scenarios', level: 1 })).toBeVisible();
  await check();
  const broken = scenario('e2e-axe') as { nodes: Record<string, { options: { next: string }[] }> };
  broken.nodes.greet.options[0].next = 'pik';
  await importFile(page, file('broken.json', broken));
  await expect(page.locator('.problem').first()).toBeVisible();
  await check();
  await page.goto('/#/author/map/toy-shop-saturday');
  await expect(page.locator('[data-node]').first()).toBeAttached();
  await page.locator('[data-node]').first().press('Enter');
  await expect(page.getByRole('complementary')).toBeVisible();
  await check();
  await page.getByRole('button', { name: 'List' }).click();
  await check();
});

test('a file whose longest option always wins: the warning, and the map shows that path beside the best path', async ({ page }) => {
  const text = await readFile(new URL('../src/engine/fixtures/length-cue.json', import.meta.url), 'utf8');
  const cue = { ...JSON.parse(text), id: 'e2e-length-cue' };
  await page.goto('/#/author');
  await importFile(page, file('length-cue.json', cue));
  const verdict = page.locator('.verdict');
  await expect(verdict).toContainText('“The longest answer wins” is valid and stored');
  await expect(verdict).toContainText('Without reading: always the longest option scores 100, always the shortest 6');
  const warning = page.getByRole('button', { name: /A player who always picks the longest option \(in the English texts\) reaches the fan ending "fan" with an overall score of 100/ });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('34:9');
  await expect(page.getByRole('button', { name: /the longest English option is a top-scoring one: at nodes "order", "flavour", "pay" and "confirm"/ })).toBeVisible();

  await verdict.getByRole('link', { name: 'Map' }).click();
  const map = page.getByRole('application', { name: /Scenario map/ });
  await expect(map.locator('[data-node]')).toHaveCount(6);
  await expect(map.locator('.naive')).toHaveCount(0);
  const longest = page.getByRole('checkbox', { name: 'Always the longest option' });
  await longest.check();
  await expect(page.getByRole('status').filter({ hasText: 'Always the longest option (English texts): ends at “fan” (fan) with an overall score of 100, after 4 decisions.' })).toBeVisible();
  // The same four choices as the best path: marked beside it, on every node of the way.
  await expect(map.locator('.naive.longest')).toHaveCount(4);
  await expect(map.locator('.edge.best')).toHaveCount(4);
  for (const id of ['order', 'flavour', 'pay', 'confirm', 'fan']) {
    await expect(map.locator(`[data-node="${id}"]`)).toHaveAttribute('aria-label', /always-longest path/);
  }
  await expect(map.locator('[data-node="doubt"]')).not.toHaveAttribute('aria-label', /always-longest path/);
  await expect(map.locator('[data-node="order"]')).toHaveAttribute('aria-label', /warning/);

  await page.getByRole('checkbox', { name: 'Always the shortest option' }).check();
  await expect(page.getByText('Always the shortest option (English texts): ends at “doubt” (neutral) with an overall score of 6, after 4 decisions.')).toBeVisible();
  await expect(map.locator('[data-node="doubt"]')).toHaveAttribute('aria-label', /always-shortest path/);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByText('L · always-longest path')).toHaveCount(5);
  await expect(page.getByText('S · always-shortest path')).toHaveCount(5);

  await longest.uncheck();
  await expect(page.getByText('L · always-longest path')).toHaveCount(0);
});

test('on a phone, “See the file as a map” and a template’s “See its map” are 44 px tap targets', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/#/author');
  const broken = scenario('e2e-broken-tap') as { nodes: Record<string, { options: { next: string }[] }> };
  broken.nodes.greet.options[0].next = 'pik';
  await importFile(page, file('broken.json', broken));
  await expect(page.locator('.verdict')).toContainText('Not stored.');
  for (const name of ['See the file as a map', 'See its map']) {
    const box = (await page.getByRole('link', { name }).boundingBox())!;
    // Before: 24 px tall, text links beside 44 px buttons.
    expect(box.height, name).toBeGreaterThanOrEqual(44);
    expect(box.width, name).toBeGreaterThanOrEqual(44);
  }
});

test('“Or paste the text” shows its disclosure marker, so it reads as something that opens', async ({ page }) => {
  await page.goto('/#/author');
  const summary = page.locator('summary').filter({ hasText: 'Or paste the text' });
  // A flex summary hid the browser's ▸ marker: it read as a stray line of text.
  expect(await summary.evaluate((el) => getComputedStyle(el).display)).toBe('list-item');
  expect((await summary.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await summary.click();
  await expect(page.getByLabel('Scenario JSON')).toBeVisible();
});

test('a file saved as UTF-16 by Notepad, with an error, is drawn as a draft map like any other', async ({ page }) => {
  await page.goto('/#/author');
  const buffer = await readFile(new URL('../src/engine/fixtures/utf16-notepad.json', import.meta.url));
  await importFile(page, { name: 'notepad.json', mimeType: 'application/json', buffer });
  await expect(page.locator('.problem.error').first()).toContainText('goes to "advise", which does not exist — did you mean "advice"?');
  await page.getByRole('link', { name: 'See the file as a map' }).click();
  await expect(page.getByText('This file has errors and is not stored.')).toBeVisible();
  await page.getByRole('button', { name: 'List' }).click();
  await page.getByRole('button', { name: /^greet — Timed · 20 s/ }).click();
  await expect(page.getByRole('complementary').getByText('advise (does not exist)')).toBeVisible();
});
