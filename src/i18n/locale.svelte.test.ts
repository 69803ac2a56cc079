import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { Locale, detectLang } from './locale.svelte';

describe('detectLang', () => {
  it('takes the first of the browser languages that the UI speaks', () => {
    expect(detectLang(['de-DE', 'en-GB', 'nl'])).toBe('en');
    expect(detectLang(['nl-BE', 'en'])).toBe('nl');
  });
  it('falls back to Dutch', () => {
    expect(detectLang(['fr-FR', 'de'])).toBe('nl');
    expect(detectLang([])).toBe('nl');
    expect(detectLang(undefined)).toBe('nl');
  });
});

describe('Locale', () => {
  const core = { nl: { play: { hello: 'Hallo {name}' } }, en: { play: { hello: 'Hello {name}' } } };

  it('translates in the current language and follows a switch', () => {
    const l = new Locale('nl');
    l.register('', core);
    expect(l.t('play.hello', { name: 'Sanne' })).toBe('Hallo Sanne');
    l.set('en');
    expect(l.t('play.hello', { name: 'Sanne' })).toBe('Hello Sanne');
  });

  it('a derived translation re-runs when the language changes', () => {
    const l = new Locale('nl');
    l.register('', core);
    let text = '';
    const stop = $effect.root(() => {
      $effect(() => {
        text = l.t('play.hello', { name: 'Ahmed' });
      });
    });
    flushSync();
    expect(text).toBe('Hallo Ahmed');
    l.set('en');
    flushSync();
    expect(text).toBe('Hello Ahmed');
    stop();
  });

  it('lazily registered areas are found under their name, and re-run lookups', () => {
    const l = new Locale('en');
    l.register('', core);
    let text = '';
    const stop = $effect.root(() => {
      $effect(() => {
        text = l.t('teams.title');
      });
    });
    flushSync();
    expect(text).toBe('teams.title');
    l.register('teams', { nl: { title: 'Teams vergelijken' }, en: { title: 'Compare teams' } });
    flushSync();
    expect(text).toBe('Compare teams');
    expect(l.has('teams')).toBe(true);
    stop();
  });

  it('falls back to the other language, then to the key', () => {
    const l = new Locale('en');
    l.register('', { nl: { only: { nl: 'Alleen Nederlands' } }, en: {} });
    expect(l.t('only.nl')).toBe('Alleen Nederlands');
    expect(l.t('no.such.key')).toBe('no.such.key');
  });
});
