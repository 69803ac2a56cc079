/**
 * Teams in a room: a facilitator's laptop with the runs of two teams (imported from a results
 * file made with the engine) shows the leaderboard, averages and comparisons, the debrief counts,
 * a scannable room QR code, a player's history; players can be renamed, moved and deleted.
 */
import { expect, test } from '@playwright/test';
import { playToEnd, readDb, seedCrowdedRoom, seedFuelStation, seedRoom as seed, startAs } from './persist-support';
import { readQr } from './helpers';
import { brokenWords, overflow } from './layout-support';

const TOY = 'toy-shop-saturday';

test('leaderboard, averages, comparisons and the projector view', async ({ page }, info) => {
  await seed(page, info.outputPath('room.json'));
  const db = await readDb(page);
  const overall = new Map(db.results.map((r) => [r.runId, r.scores.overall]));

  await page.goto(`/#/teams?scenario=${TOY}`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  const rows = page.getByRole('table', { name: /^Leaderboard/ }).locator('tbody tr');
  await expect(rows).toHaveCount(5);
  const best = Math.max(...['r-anna-1', 'r-anna-2', 'r-anna-3'].map((id) => overall.get(id)!));
  const anna = page.getByRole('table', { name: /^Leaderboard/ }).getByRole('row', { name: /Anna/ });
  // Each player's latest run unless asked for their best: the board of the session just played.
  await expect(anna.locator('td.overall')).toHaveAccessibleName(`${overall.get('r-anna-3')} out of 100`);
  await page.getByLabel('Best run').check();
  await expect(anna).toContainText(`${best}/100`);
  const scores = (await rows.locator('td.overall').allInnerTexts()).map((s) => Number(/^(\d+)\/100/.exec(s)![1]));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  await page.getByLabel('Latest run').check();
  await expect(anna.locator('td.overall')).toHaveAccessibleName(`${overall.get('r-anna-3')} out of 100`);
  await expect(anna.locator('td').last()).toHaveText('3', { useInnerText: true }); // attempts

  await expect(page.getByRole('table', { name: 'Average score per dimension, per team (0–100)' }).getByRole('row', { name: /Kassa/ })).toBeVisible();
  const chart = page.getByRole('img', { name: /^(Kassa and Bar|Bar and Kassa), per dimension/ });
  await expect(chart).toBeVisible();
  // The scale is written under the gridlines, so a value can be read off them; a screen reader
  // hears the chart's name (which says 0–100) and not the numbers again.
  for (const tick of ['0', '25', '50', '75', '100']) await expect(chart.getByText(tick, { exact: true })).toBeVisible();
  expect(await chart.ariaSnapshot()).toMatch(/^- img "(Kassa and Bar|Bar and Kassa), per dimension \(0–100\)": Warmth 50Bar/);
  await page.getByLabel('Player', { exact: true }).selectOption({ label: 'Dewi (Bar)' });
  await expect(page.getByRole('img', { name: 'Dewi and the average of Bar (0–100)' })).toBeVisible();

  // Names on at the trainer's own screen, off at first on the projector: said beside the toggle.
  await expect(page.getByLabel('Show names')).toBeChecked();
  await expect(page.getByLabel('Show names')).toHaveAccessibleDescription('Off at first on the projector: Player 1, 2 … instead.');
  await page.getByLabel('Projector (large)').click(); // (it gives way to its way out: not check())
  await expect(page.getByLabel('Show names')).not.toBeChecked();
  await expect(page.getByLabel('Show names')).toHaveAccessibleDescription('Off at first here: Player 1, 2 … stand in for names.');
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    await page.screenshot({ path: info.outputPath(`teams-projector-${width}.png`), fullPage: true });
  }
});

test('debrief counts one run per player and hides names unless asked', async ({ page }, info) => {
  await seed(page, info.outputPath('room.json'));
  await page.goto(`/#/debrief?scenario=${TOY}`);
  await page.getByLabel('Team').selectOption({ label: 'Kassa' });
  await expect(page.getByText('Based on 3 players: each one’s latest assessment run.')).toBeVisible();
  await expect(page.getByText('Decision 1 of')).toBeVisible();
  // The first decision: counts over the options add up to the three players.
  const counts = await page.locator('.option .count').allTextContents();
  const total = counts.map((c) => (/^nobody/.test(c) ? 0 : Number(/(\d+)/.exec(c)![1]))).reduce((a, b) => a + b, 0);
  expect(total).toBe(3);
  await expect(page.locator('.names')).toHaveCount(0);
  // Off at first here, unlike the board off the projector: the reason stands beside the toggle.
  await expect(page.getByLabel('Show names')).toHaveAccessibleDescription('Off at first, on the projector or not: the room talks about the choices, not about who made them.');
  await page.getByLabel('Show names').check();
  await expect(page.locator('.names').first()).toBeVisible();
  await page.getByRole('button', { name: 'Next decision' }).click();
  await expect(page.getByText('Decision 2 of')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: info.outputPath('debrief-1280.png'), fullPage: true });
});

test('room mode shows a scannable code of a link straight to the scenario and team', async ({ page }, info) => {
  await seed(page, info.outputPath('room.json'));
  await page.goto('/#/room');
  await page.getByLabel('Scenario').selectOption(TOY);
  await page.getByLabel('Team to join').selectOption({ label: 'Bar' });
  await page.getByRole('button', { name: 'Show the code' }).click();
  const svg = page.getByRole('img', { name: /QR code: open/ });
  await expect(svg).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: info.outputPath('room-1280.png') });

  // Decode the drawn code as the phone's camera would.
  const decoded = await readQr(svg);
  expect(decoded.text).toMatch(new RegExp(`/play/${TOY}/\\?mode=assessment&team=bar&teamName=Bar&room=1$`));
  // The projector shows a short address to type, without "http://", for the same room.
  await expect(page.getByText(new RegExp(`^localhost:\\d+/play/${TOY}/\\?t=bar$`))).toBeVisible();
  // The link opens the scenario on a phone, in assessment mode.
  const phone = await page.context().browser()!.newPage();
  await phone.goto(decoded.text);
  // A new phone: who is playing first (in the room's team), then straight into the scenario.
  await phone.getByLabel('Your name').fill('Fien');
  await phone.getByRole('button', { name: /^start$/i }).click();
  await expect(phone).toHaveURL(new RegExp(`/#/play/${TOY}\\?mode=assessment&team=bar&teamName=Bar&room=1$`));
  await phone.getByRole('button', { name: 'Begin' }).click();
  await expect(phone.locator('button[data-option]').first()).toBeVisible();
  await expect(phone.getByText('Assessment', { exact: true })).toBeVisible();
  const phoneDb = await readDb(phone);
  expect(phoneDb.teams.map((t) => [t.id, t.name])).toEqual([['bar', 'Bar']]);
  expect(phoneDb.profiles.map((p) => [p.name, p.teamId])).toEqual([['Fien', 'bar']]);
  await phone.close();
});

test('players can be renamed, moved, and deleted with all their runs; history shows progress', async ({ page }, info) => {
  await seed(page, info.outputPath('room.json'));
  await page.goto('/#/history?player=anna');
  await expect(page.getByText('Anna: 3 finished runs in 1 scenario.')).toBeVisible();
  await expect(page.getByRole('img', { name: /Overall score per attempt \(0–100\), oldest first/ })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: info.outputPath('history-360.png'), fullPage: true });

  await page.goto('/#/players');
  await page.getByRole('button', { name: 'Rename Eva' }).click();
  // A name stops at 40 characters here too, as on "Who is playing?".
  const long = 'Eva Wilhelmina van den Berghe-Oosterhout-Smit';
  await page.getByLabel('New name for Eva').clear();
  await page.getByLabel('New name for Eva').pressSequentially(long);
  await expect(page.getByLabel('New name for Eva')).toHaveValue(long.slice(0, 40));
  await page.getByLabel('New name for Eva').fill('Eva K.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Renamed to Eva K..');
  await page.getByLabel('Team of Cem').selectOption({ label: 'Bar' });
  await expect(page.getByRole('status')).toHaveText('Cem is now in team Bar.');
  await page.getByRole('button', { name: 'Delete Bram' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('status')).toHaveText('Bram and their results were deleted.');
  await page.screenshot({ path: info.outputPath('players-360.png'), fullPage: true });

  const db = await readDb(page);
  expect(db.profiles.map((p) => p.name).sort()).toEqual(['Anna', 'Cem', 'Dewi', 'Eva K.']);
  expect(db.profiles.find((p) => p.id === 'cem')!.teamId).toBe('bar');
  expect(db.runs.some((r) => r.playerId === 'bram')).toBe(false);
  expect(db.results.some((r) => r.runId === 'r-bram-1')).toBe(false);
  expect(db.runs).toHaveLength(6);
});

test('a player deleted while still playing in another tab: their run is shown nowhere, and the screens say so', async ({ context }, info) => {
  const laptop = await context.newPage();
  await seed(laptop, info.outputPath('room.json'));
  // Fleur plays the toy shop in a second tab of the laptop...
  const tab = await context.newPage();
  await startAs(tab, 'Fleur', TOY);
  // ...and is deleted in the first tab before she has finished
  await laptop.goto('/#/players');
  await laptop.reload();
  await laptop.getByRole('button', { name: 'Delete Fleur' }).click();
  await laptop.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(laptop.getByRole('status')).toHaveText('Fleur and their results were deleted.');
  const runId = await playToEnd(tab);
  // the run finished after the deletion was stored, under a player this device no longer has; its
  // result row is written once the tab is idle after the ending (a tab closed before that gets it
  // at the next start), so the tab stays open until it is there
  await expect.poll(async () => (await readDb(laptop)).results.some((r) => r.runId === runId)).toBe(true);
  await tab.close();

  const note = '1 run by a deleted player is not shown.';
  await laptop.goto(`/#/teams?scenario=${TOY}`);
  await expect(laptop.locator('[data-ready="true"]')).toBeVisible();
  await expect(laptop.getByRole('table', { name: /^Leaderboard/ }).locator('tbody tr')).toHaveCount(5);
  await expect(laptop.getByText(note)).toBeVisible();

  await laptop.goto(`/#/debrief?scenario=${TOY}`);
  await expect(laptop.getByText('Based on 5 players: each one’s latest assessment run.')).toBeVisible();
  await expect(laptop.getByText(note)).toBeVisible();
  await laptop.getByLabel('Show names').check();
  await expect(laptop.locator('.names').first()).toBeVisible();
  await expect(laptop.getByText('Unknown player')).toHaveCount(0);

  const fleur = (await readDb(laptop)).runs.find((r) => r.id === runId)!.playerId;
  await laptop.goto(`/#/history?player=${fleur}`);
  await expect(laptop.getByText('This player is no longer on this device: they were deleted with their results.')).toBeVisible();
  await expect(laptop.getByText('Unknown player')).toHaveCount(0);
});

test('a team name already taken (in any case or spacing) is refused on create and rename, in English and Dutch', async ({ page }, info) => {
  await seed(page, info.outputPath('room.json'));
  const teamNames = async () => (await readDb(page)).teams.map((x) => x.name).sort();
  expect(await teamNames()).toEqual(['Bar', 'Kassa']);

  // Players and teams: a new team called "  kASSA " is refused, under its field.
  await page.goto('/#/players');
  await page.getByLabel('Team name').fill('  kASSA ');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('alert')).toHaveText('There is already a team called “Kassa”. Give this team another name, so the teams can be told apart in every list.');
  await expect(page.getByLabel('Team name')).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Kassa' })).toHaveCount(1);

  // Renaming Bar to "kassa" is refused too; to "Bar Noord" it is done.
  await page.getByRole('button', { name: 'Rename team Bar' }).click();
  await page.getByLabel('New name for team Bar').fill('kassa');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('There is already a team called “Kassa”.');
  await expect(page.getByRole('heading', { level: 2, name: 'Bar', exact: true })).toBeVisible();
  await page.getByLabel('New name for team Bar').fill('Bar Noord');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bar Noord' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The team is now called Bar Noord.' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('players-team-refused-1280.png'), fullPage: true });

  // The room's "Or make a new team", in Dutch: "bar  noord" is refused, and no option is added.
  await page.goto('/#/room');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByLabel('Of maak een nieuw team').fill('bar  noord');
  await page.getByRole('button', { name: 'Team toevoegen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Er is al een team ‘Bar Noord’. Geef dit team een andere naam, zodat de teams in elke lijst uit elkaar te houden zijn.');
  await expect(page.getByLabel('Team om bij aan te sluiten').getByRole('option')).toHaveCount(3);
  await expect(page.getByLabel('Team om bij aan te sluiten').getByRole('option', { name: 'Bar Noord' })).toHaveCount(1);
  await page.screenshot({ path: info.outputPath('room-team-refused-1280.png'), fullPage: true });

  // A new player's "Nieuw team…" with a taken name is refused too.
  await page.goto('/#/');
  await page.getByLabel('Je naam').fill('Fleur');
  await page.getByLabel('Team').selectOption({ label: 'Nieuw team…' });
  await page.getByLabel('Naam van het nieuwe team').fill('KASSA');
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Er is al een team ‘Kassa’: kies het in de lijst met teams.');
  expect(await teamNames()).toEqual(['Bar Noord', 'Kassa']);
});

test('on a laptop a player’s Results, Rename, team and Delete sit on one line', async ({ page }, info) => {
  await seed(page, info.outputPath('room.json'));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/players');
  const row = page.getByRole('listitem').filter({ has: page.getByLabel('Team of Dewi') });
  const boxes = await Promise.all(
    [row.getByRole('link', { name: 'Results' }), row.getByRole('button', { name: 'Rename Dewi' }), row.getByLabel('Team of Dewi'), row.getByRole('button', { name: 'Delete Dewi' })].map(async (l) => (await l.boundingBox())!),
  );
  // Before, the team list took a line of its own: Results and Rename above it, Delete below.
  const middles = boxes.map((b) => b.y + b.height / 2);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
});

test('team scores on the projector at 360 px: no score over its label, no heading word broken, in Dutch and English', async ({ page }, info) => {
  await seed(page, info.outputPath('room.json'));
  for (const [button, projector] of [['English', 'Projector (large)'], ['Nederlands', 'Beamer (groot)']]) {
    await page.goto('/#/results');
    await page.getByRole('button', { name: button }).click();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/#/teams?scenario=${TOY}`);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    await page.getByLabel(projector).click(); // (it gives way to its way out: not check())
    for (const heading of await page.getByRole('heading').all()) {
      expect(await brokenWords(heading), await heading.innerText()).toEqual([]);
      expect(await heading.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    }
    // Each score cell of the cards: its label and its number share no pixel.
    const overlaps = await page.locator('table.board td.num:not(.rank)').evaluateAll((cells) =>
      cells.flatMap((cell) => {
        const label = cell.querySelector('.cell-label')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(cell);
        range.setStartAfter(cell.querySelector('.cell-label')!);
        const n = range.getBoundingClientRect();
        const apart = n.left >= label.right || n.right <= label.left || n.top >= label.bottom || n.bottom <= label.top;
        return apart ? [] : [`${cell.textContent}`];
      }),
    );
    expect(overlaps).toEqual([]);
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: info.outputPath(`teams-projector-360-${button}.png`), fullPage: true });
  }
});


test('team scores on a 1280×720 projector: column headings and each "Player n" whole, in Dutch and English', async ({ page }, info) => {
  // A team with a long name, players with long ones: the columns that take the room.
  await seedCrowdedRoom(page, info.outputPath('crowd.json'), Array.from({ length: 12 }, (_, i) => ({ name: `Anne-Marie van der Zwaluw-Oosterhuis ${i + 1}` })));
  for (const [button, heading] of [['English', /^Leaderboard/], ['Nederlands', /^Ranglijst/]] as const) {
    await page.goto('/#/results');
    await page.getByRole('button', { name: button }).click();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`/#/teams?scenario=${TOY}&projector=1`);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    const board = page.getByRole('table', { name: heading });
    for (const cell of [...(await board.getByRole('columnheader').all()), ...(await board.getByRole('rowheader').all())]) {
      expect(await brokenWords(cell), await cell.innerText()).toEqual([]);
      const lines = await cell.evaluate((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      });
      expect(lines, `${await cell.innerText()}: on one line`).toBe(1);
    }
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: info.outputPath(`teams-projector-1280x720-${button}.png`) });
  }
});
for (const lang of ['en', 'nl'] as const) {
  test(`the board and the debrief both open on each player's latest run, and say so (${lang})`, async ({ page }, info) => {
    const w = {
      en: { latest: 'Latest run', best: 'Best run', board: 'Each player’s latest assessment run. Scores from 0 to 100.', boardBest: 'Each player’s best assessment run. Scores from 0 to 100.', debrief: 'Based on 3 players: each one’s latest assessment run.', debriefBest: 'Based on 3 players: each one’s best assessment run.', link: 'Debrief', team: 'Team' },
      nl: { latest: 'Laatste ronde', best: 'Beste ronde', board: 'De laatste toetsronde van elke speler. Scores van 0 tot 100.', boardBest: 'De beste toetsronde van elke speler. Scores van 0 tot 100.', debrief: 'Op basis van 3 spelers: van elke speler de laatste toetsronde.', debriefBest: 'Op basis van 3 spelers: van elke speler de beste toetsronde.', link: 'Nabespreken', team: 'Team' },
    }[lang];
    await seed(page, info.outputPath('room.json'));
    const overall = new Map((await readDb(page)).results.map((r) => [r.runId, r.scores.overall]));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();

    await page.goto(`/#/teams?scenario=${TOY}`);
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    await expect(page.getByRole('radio', { name: w.latest })).toBeChecked();
    const board = page.getByRole('table', { name: lang === 'en' ? /^Leaderboard/ : /^Ranglijst/ });
    await expect(board).toHaveAccessibleDescription(w.board);
    await expect(board.getByRole('row', { name: /Anna/ }).locator('td.overall')).toHaveAccessibleName(new RegExp(`^${overall.get('r-anna-3')} `));

    await page.goto(`/#/debrief?scenario=${TOY}`);
    await page.getByLabel(w.team, { exact: true }).selectOption({ label: 'Kassa' });
    await expect(page.getByRole('radio', { name: w.latest })).toBeChecked();
    await expect(page.getByText(w.debrief)).toBeVisible();

    // A board turned to the best runs opens its debrief on the same runs.
    await page.goto(`/#/teams?scenario=${TOY}`);
    await page.getByRole('radio', { name: w.best }).check();
    await expect(board).toHaveAccessibleDescription(w.boardBest);
    await page.getByRole('link', { name: w.link, exact: true }).click();
    await expect(page.getByRole('radio', { name: w.best })).toBeChecked();
    await page.getByLabel(w.team, { exact: true }).selectOption({ label: 'Kassa' });
    await expect(page.getByText(w.debriefBest)).toBeVisible();
  });
}

for (const lang of ['en', 'nl'] as const) {
  test(`Teams opens on the scenario last played (by the team shown), or the one last chosen, not the first of the list (${lang})`, async ({ page }, info) => {
    const title = {
      en: { toy: 'Toy shop on a Saturday', fuel: 'Fuel station, evening: anything hot?' },
      nl: { toy: 'Speelgoedwinkel op zaterdag', fuel: 'Tankstation, ’s avonds: nog iets warms?' },
    }[lang];
    const shown = (select: string) => page.locator(`${select} option:checked`);
    // The toy shop's runs, from a week or two ago: the first of the list is another scenario.
    await seed(page, info.outputPath('room.json'));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.goto('/#/teams');
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    expect(await page.locator('#board-scenario option').first().innerText()).not.toBe(title.toy);
    await expect(shown('#board-scenario')).toHaveText(title.toy);

    // Team Pomp played the fuel station just now: the board opens on it, the debrief of team
    // Kassa on what Kassa played last.
    await page.getByRole('button', { name: 'English' }).click();
    await seedFuelStation(page, info.outputPath('fuel.json'));
    if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.goto('/#/teams');
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    await expect(shown('#board-scenario')).toHaveText(title.fuel);
    await page.goto('/#/debrief?team=kassa');
    await expect(shown('#db-scenario')).toHaveText(title.toy);
    await page.goto('/#/debrief?team=pomp');
    await expect(shown('#db-scenario')).toHaveText(title.fuel);

    // Chosen after the latest run: that choice is what Teams opens on next time.
    await page.goto('/#/teams');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: title.toy });
    await page.goto('/#/scenarios');
    await page.goto('/#/teams');
    await expect(page.locator('[data-ready="true"]')).toBeVisible();
    await expect(shown('#board-scenario')).toHaveText(title.toy);
  });
}

test('with nobody on the board in a team, "a player and their team" says so and offers no empty list', async ({ page }) => {
  // A player without a team plays to the end: the board has a row, no team.
  await startAs(page, 'Ilse', TOY);
  await playToEnd(page);
  await page.goto(`/#/teams?scenario=${TOY}`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  const section = page.getByRole('region', { name: 'A player and their team' });
  await expect(section).toContainText('Nobody on the leaderboard is in a team yet.');
  await expect(section.getByRole('combobox')).toHaveCount(0);
});
