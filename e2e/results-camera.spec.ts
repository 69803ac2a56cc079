/**
 * The camera path of handing in: a phone's run as a QR code, filmed by the laptop's camera.
 * Chromium's fake camera plays a video of the code generated at test time
 * (test-support/qr-video.ts); the results screen scans it with jsQR and imports the run once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium, expect, test, type Page } from '@playwright/test';
import type { Run, Scenario } from '../src/engine/types';
import { encodeRunLink, encodeRunQr } from '../src/persistence/run-link';
import { generateDeviceKey, outgoing } from '../src/persistence/run-signature';
import { makeQrVideo } from '../test-support/qr-video';
import { chromiumExecutable, CHROMIUM_ARGS } from '../test-support/browser';
import { canonical, engineRun, readDb } from './persist-support';

const TOY = 'toy-shop-saturday';


/**
 * Records, in order, what each frame the scanner read showed: 'c' for the code (dark modules),
 * 'e' for the empty grey frames the video starts each loop with. The scanner reads every frame
 * with getImageData before decoding it.
 */
async function recordScannedFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __frames: string[] };
    w.__frames = [];
    const getImageData = CanvasRenderingContext2D.prototype.getImageData;
    CanvasRenderingContext2D.prototype.getImageData = function (this: CanvasRenderingContext2D, ...a: Parameters<typeof getImageData>) {
      const img = getImageData.apply(this, a);
      let dark = 0;
      // The empty frames are grey (luma 118, a little noise); the code's dark modules are near black.
      for (let i = 0; i < img.data.length; i += 16) if (img.data[i] < 64) dark++;
      w.__frames.push(dark > 1000 ? 'c' : 'e');
      return img;
    };
  });
}

function scannedFrames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __frames: string[] }).__frames);
}

/** Each kind of code: the video of it, and the run as the laptop must store it. */
const versions = [
  {
    name: 'an old phone’s code (a version 1 link)',
    createdAt: () => 1,
    video: async (run: Run, baseURL: string, out: string) => {
      const data = await encodeRunLink({ run, player: { id: 'p-dewi', name: 'Dewi', teamId: 't-bar', createdAt: 1 }, team: { id: 't-bar', name: 'Bar', createdAt: 1 } });
      // Old codes carry no signature: kept, but never compared.
      return { video: await makeQrVideo(`${baseURL}/#/import-run/${data}`, out), stored: { ...run, unverified: true as const } };
    },
  },
  {
    name: 'today’s short, signed code (FL: and base45, alphanumeric mode)',
    // The short code leaves out when the player was created: the run's start stands in.
    createdAt: (run: Run) => run.startedAt,
    video: async (run: Run, _baseURL: string, out: string) => {
      const scenario = JSON.parse(readFileSync(new URL(`../scenarios/${TOY}.json`, import.meta.url), 'utf8')) as Scenario;
      const [signed] = await outgoing([run], generateDeviceKey);
      const text = await encodeRunQr({ run: signed, player: { id: 'p-dewi', name: 'Dewi', teamId: 't-bar', createdAt: 1 }, team: { id: 't-bar', name: 'Bar', createdAt: 1 } }, scenario);
      expect(text).toMatch(/^FL:/);
      return { video: await makeQrVideo(text, out, { mode: 'Alphanumeric' }), stored: signed };
    },
  },
];

for (const version of versions) test(`a run shown as a QR code to the laptop camera is imported once: ${version.name}`, async ({ baseURL }, info) => {
  const run = engineRun(TOY, 'cam-run-0001', (available) => available[available.length > 1 ? 1 : 0].id);
  const { video, stored } = await version.video(run, baseURL!, info.outputPath('qr.y4m'));

  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({ baseURL, permissions: ['camera'] });
    const page = await context.newPage();
    await recordScannedFrames(page);
    await page.goto('/#/results');
    await page.getByRole('button', { name: 'Start the camera' }).click();
    await expect(page.getByRole('log')).toContainText(/Run of Dewi in “.+” added/, { timeout: 20_000 });
    // The video loops: the same code seen again is not imported twice. Wait until the scanner
    // has looked at a frame without the code and then at the code again (the next loop).
    const since = await scannedFrames(page).then((f) => f.length);
    await expect
      .poll(async () => /e+c{2,}/.test((await scannedFrames(page)).slice(since).join('')), { message: 'the code is scanned again on the next loop', timeout: 20_000 })
      .toBe(true);
    await expect(page.getByRole('log').locator('p')).toHaveCount(1);
    await page.getByRole('button', { name: 'Stop the camera' }).click();

    const db = canonical(await readDb(page));
    expect(db.runs).toEqual([stored]);
    expect(db.results.map((r) => r.runId)).toEqual([run.id]);
    expect(db.profiles).toEqual([{ id: 'p-dewi', name: 'Dewi', teamId: 't-bar', createdAt: version.createdAt(run) }]);
    expect(db.teams.map((t) => t.name)).toEqual(['Bar']);
  } finally {
    await browser.close();
  }
});

test('a changed run shown as a QR code, its genuine run here: the log says so, as for a changed file', async ({ baseURL }, info) => {
  const scenario = JSON.parse(readFileSync(new URL(`../scenarios/${TOY}.json`, import.meta.url), 'utf8')) as Scenario;
  const [signed] = await outgoing([engineRun(TOY, 'cam-run-0002', (available) => available[0].id)], generateDeviceKey);
  const dewi = { id: 'p-dewi', name: 'Dewi', teamId: null, createdAt: 1 };
  const genuine = info.outputPath('genuine.json');
  writeFileSync(genuine, JSON.stringify({ format: 'frontlijn-results', formatVersion: 2, exportedAt: Date.now(), scope: { kind: 'all' }, teams: [], profiles: [dewi], scenarios: [], runs: [signed], scores: [] }));
  // The same run made practice after it was played, shown as today's code.
  const text = await encodeRunQr({ run: { ...signed, mode: 'coaching' }, player: dewi, team: null }, scenario);
  const video = await makeQrVideo(text, info.outputPath('qr.y4m'), { mode: 'Alphanumeric' });

  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const page = await (await browser.newContext({ baseURL, permissions: ['camera'] })).newPage();
    await page.goto('/#/results');
    await page.getByLabel('Results file (.json)').setInputFiles(genuine);
    const log = page.getByRole('log');
    await expect(log.locator('p').first()).toContainText('genuine.json: 1 new run');
    await page.getByRole('button', { name: 'Start the camera' }).click();
    await expect(log.locator('p').first()).toHaveText(
      'The run of Dewi in “Toy shop on a Saturday” was changed in the code and was not imported; the genuine run is already on this device and counts.',
      { timeout: 20_000 },
    );
    await page.getByRole('button', { name: 'Stop the camera' }).click();
    expect((await readDb(page)).runs.map((r) => [r.id, r.mode])).toEqual([['cam-run-0002', 'assessment']]);
  } finally {
    await browser.close();
  }
});
