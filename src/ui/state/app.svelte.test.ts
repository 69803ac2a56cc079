// @vitest-environment ./src/ui/test/runes-environment.ts
/**
 * Sound on or off, pressed before and after the device's store has opened (the header's button is
 * live on the page before the app and while a slow phone opens IndexedDB): what the header shows
 * at once, and what is saved once the stored settings have been read.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { openStore } from '../../persistence';
import { DEFAULT_SETTINGS } from '../../persistence/api';
import { AppState } from './app.svelte';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** The settings as a later visit would read them from the device. */
async function storedSound(): Promise<boolean> {
  const { store } = await openStore();
  return (await store.getSettings()).sound;
}

/** Waits until the app has written its settings (updateSettings saves after the store opens). */
async function settled(app: AppState): Promise<void> {
  await app.ready();
  await expect.poll(storedSound).toBe(app.settings.sound);
}

it('a mute pressed before the store opens is shown at once and saved, not replaced by the stored setting', async () => {
  const app = new AppState();
  app.setSound(false);
  expect(app.soundOn).toBe(false);
  await settled(app);
  expect(app.soundOn).toBe(false);
  expect(app.settings.sound).toBe(false);
  expect(await storedSound()).toBe(false);
});

it('a player who mutes and unmutes before the store opens ends with sound on, also stored', async () => {
  const { store } = await openStore();
  await store.saveSettings({ ...DEFAULT_SETTINGS, sound: false });
  const app = new AppState();
  app.setSound(true);
  app.setSound(false);
  app.setSound(true);
  expect(app.soundOn).toBe(true);
  await settled(app);
  expect(app.soundOn).toBe(true);
  expect(await storedSound()).toBe(true);
});

it('after the store has opened, a mute is shown and stored', async () => {
  const app = new AppState();
  await app.ready();
  expect(app.soundOn).toBe(true);
  app.setSound(false);
  expect(app.soundOn).toBe(false);
  await expect.poll(storedSound).toBe(false);
  expect(app.settings.sound).toBe(false);
});
