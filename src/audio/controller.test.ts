import { describe, expect, it } from 'vitest';
import { AMBIENCE_LEVEL, LOOP_MS, createAudio, type HowlLike, type HowlOptionsLike, type HowlerModuleLike } from './controller';

/** A fake howler that records what the controller asks of it. */
class FakeHowl implements HowlLike {
  static all: FakeHowl[] = [];
  sounds = new Map<number, { playing: boolean; volume: number }>();
  listeners: { event: string; cb: (id: number) => void; id?: number; once: boolean }[] = [];
  log: string[] = [];
  static nextId = 1000;
  constructor(public options: HowlOptionsLike) {
    FakeHowl.all.push(this);
  }
  get name(): string {
    return this.options.src[0].replace(/^.*\//, '').replace(/\.webm$/, '');
  }
  play(sprite?: string | number): number {
    if (typeof sprite === 'number') {
      this.sounds.get(sprite)!.playing = true;
      this.log.push(`resume ${sprite}`);
      return sprite;
    }
    const id = FakeHowl.nextId++;
    this.sounds.set(id, { playing: true, volume: this.options.volume ?? 1 });
    this.log.push(`play ${sprite ?? ''}`.trim());
    return id;
  }
  pause(id?: number) {
    for (const [k, s] of this.sounds) if (id === undefined || id === k) s.playing = false;
    this.log.push('pause');
  }
  stop(id?: number) {
    this.pause(id);
    this.log.push('stop');
  }
  fade(from: number, to: number, _ms: number, id?: number) {
    this.log.push(`fade ${from}->${to}`);
    const s = this.sounds.get(id!);
    if (s) s.volume = to;
  }
  /** Ends the running fades, as howler does when a fade's time is up. */
  finishFades() {
    const due = this.listeners.filter((l) => l.event === 'fade');
    this.listeners = this.listeners.filter((l) => !(l.event === 'fade' && l.once));
    for (const l of due) l.cb(l.id ?? 0);
  }
  volume(id?: number): number {
    return id === undefined ? (this.options.volume ?? 1) : (this.sounds.get(id)?.volume ?? 0);
  }
  playing(id?: number): boolean {
    return [...this.sounds].some(([k, s]) => (id === undefined || id === k) && s.playing);
  }
  once(event: string, cb: (id: number) => void, id?: number) {
    this.listeners.push({ event, cb, id, once: true });
  }
  on(event: string, cb: (id: number) => void) {
    this.listeners.push({ event, cb, once: false });
  }
}

function setup(opts: { hidden?: boolean; failLoad?: boolean } = {}) {
  FakeHowl.all = [];
  const master = { volume: 1, muted: false };
  const lib: HowlerModuleLike = {
    Howl: FakeHowl,
    Howler: {
      volume: (v: number) => (master.volume = v),
      mute: (m: boolean) => (master.muted = m),
    },
  };
  let loads = 0;
  let visibility: (hidden: boolean) => void = () => {};
  let clock = 0;
  const warnings: string[] = [];
  const timers: (() => void)[] = [];
  const idles: (() => void)[] = [];
  const audio = createAudio({
    defer: (fn) => timers.push(fn),
    afterPaint: (fn) => fn(),
    idle: (fn) => idles.push(fn),
    load: () => {
      loads++;
      return opts.failLoad ? Promise.reject(new Error('offline')) : Promise.resolve(lib);
    },
    base: '/audio/',
    watchVisibility: (cb) => {
      visibility = cb;
      return opts.hidden ?? false;
    },
    now: () => clock,
    warn: (m) => warnings.push(m),
  });
  const howl = (name: string) => FakeHowl.all.find((h) => h.name === name);
  return {
    audio,
    master,
    howl,
    warnings,
    loads: () => loads,
    setHidden: (h: boolean) => visibility(h),
    tick: (ms: number) => (clock += ms),
    /** Lets the library load and the unlock settle. */
    flush: async () => {
      await new Promise((r) => setTimeout(r, 0));
      while (timers.length) timers.shift()!();
    },
    pendingTimers: () => timers.length,
    runIdle: () => {
      while (idles.length) idles.shift()!();
    },
  };
}

describe('audio controller', () => {
  it('creates no sound and requests no file before unlock', async () => {
    const t = setup();
    t.audio.configure({ enabled: true, volume: 0.5 });
    t.audio.ambience('shop');
    t.audio.cue('arrive');
    await t.flush();
    expect(t.loads()).toBe(1); // the library itself may load early...
    expect(FakeHowl.all).toHaveLength(0); // ...but no Howl (no request, no AudioContext)
    expect(t.audio.state()).toMatchObject({ unlocked: false, loaded: true, wanted: 'shop', playing: null });
  });

  it('starts the wanted ambience on unlock, looped over exactly one loop, fading in', async () => {
    const t = setup();
    t.audio.configure({ enabled: true, volume: 0.5 });
    t.audio.ambience('shop');
    t.audio.unlock();
    await t.flush();
    const shop = t.howl('ambience-shop')!;
    expect(shop.options.src).toEqual(['/audio/ambience-shop.webm', '/audio/ambience-shop.mp3']);
    expect(shop.options.sprite).toEqual({ loop: [0, LOOP_MS, true] });
    expect(shop.log).toEqual(['play loop', `fade 0->${AMBIENCE_LEVEL}`]);
    expect(t.master).toEqual({ volume: 0.5, muted: false });
    expect(t.audio.state().playing).toBe('shop');
  });

  it('cross-fades between settings and pauses the old loop only once its fade is done', async () => {
    const t = setup();
    t.audio.unlock();
    t.audio.ambience('shop');
    await t.flush();
    t.audio.ambience('tram');
    const shop = t.howl('ambience-shop')!;
    const tram = t.howl('ambience-tram')!;
    expect(shop.log.at(-1)).toBe(`fade ${AMBIENCE_LEVEL}->0`);
    expect(shop.playing()).toBe(true);
    expect(tram.log).toEqual(['play loop', `fade 0->${AMBIENCE_LEVEL}`]);
    shop.finishFades();
    expect(shop.playing()).toBe(false);
    expect(tram.playing()).toBe(true);
  });

  it('does not pause a loop that was asked back during its fade-out, and resumes a paused one', async () => {
    const t = setup();
    t.audio.unlock();
    t.audio.ambience('shop');
    await t.flush();
    t.audio.ambience(null);
    t.audio.ambience('shop');
    const shop = t.howl('ambience-shop')!;
    shop.finishFades();
    expect(shop.playing()).toBe(true);
    expect(FakeHowl.all.filter((h) => h.name === 'ambience-shop')).toHaveLength(1);
    t.audio.ambience('none');
    shop.finishFades();
    expect(shop.playing()).toBe(false);
    t.audio.ambience('shop');
    expect(shop.log.slice(-2)).toEqual([expect.stringMatching(/^resume /), `fade 0->${AMBIENCE_LEVEL}`]);
  });

  it('pauses at once while the tab is hidden and fades back in when it is visible', async () => {
    const t = setup();
    t.audio.unlock();
    t.audio.ambience('terrace');
    await t.flush();
    const terrace = t.howl('ambience-terrace')!;
    t.setHidden(true);
    expect(terrace.playing()).toBe(false);
    t.audio.cue('confirm');
    expect(t.howl('cue-confirm')).toBeUndefined();
    t.setHidden(false);
    expect(terrace.playing()).toBe(true);
    expect(t.audio.state().playing).toBe('terrace');
  });

  it('starts silent when the tab is hidden at start', async () => {
    const t = setup({ hidden: true });
    t.audio.unlock();
    t.audio.ambience('station');
    await t.flush();
    expect(t.howl('ambience-station')).toBeUndefined();
    t.setHidden(false);
    expect(t.howl('ambience-station')!.playing()).toBe(true);
  });

  it('mute stops the ambience and the cues, and sound comes back when enabled again', async () => {
    const t = setup();
    t.audio.unlock();
    t.audio.ambience('tram');
    await t.flush();
    t.audio.cue('doorbell');
    const bell = t.howl('cue-doorbell')!;
    expect(bell.playing()).toBe(true);
    t.audio.configure({ enabled: false, volume: 0.7 });
    expect(t.master.muted).toBe(true);
    expect(t.howl('ambience-tram')!.playing()).toBe(false);
    expect(bell.playing()).toBe(false);
    t.tick(1000);
    t.audio.cue('doorbell');
    expect(bell.log.filter((l) => l.startsWith('play'))).toHaveLength(1);
    t.audio.configure({ enabled: true, volume: 0.7 });
    expect(t.master.muted).toBe(false);
    expect(t.howl('ambience-tram')!.playing()).toBe(true);
  });

  it('starts the ambience only once the unlocking interaction has settled (a press on mute mutes first)', async () => {
    const t = setup();
    t.audio.ambience('shop');
    t.audio.unlock();
    await new Promise((r) => setTimeout(r, 0)); // library loaded, settle timer pending
    expect(t.pendingTimers()).toBe(1);
    t.audio.configure({ enabled: false, volume: 0.7 }); // the click of that same press
    await t.flush();
    expect(FakeHowl.all).toHaveLength(0); // nothing requested
    t.audio.configure({ enabled: true, volume: 0.7 });
    expect(t.howl('ambience-shop')!.playing()).toBe(true);
  });

  it('plays cues once per activation, ignores unknown names, and clamps the volume', async () => {
    const t = setup();
    t.audio.unlock();
    await t.flush();
    t.audio.cue('confirm');
    t.audio.cue('confirm');
    t.tick(500);
    t.audio.cue('confirm');
    expect(t.howl('cue-confirm')!.log.filter((l) => l.startsWith('play'))).toHaveLength(2);
    t.audio.cue('explosion' as never);
    expect(FakeHowl.all.map((h) => h.name)).toEqual(['cue-confirm']);
    t.audio.configure({ enabled: true, volume: 3 });
    expect(t.master.volume).toBe(1);
    t.audio.configure({ enabled: true, volume: Number.NaN });
    expect(t.master.volume).toBe(1);
  });

  it('plays a cue asked for while loading only if it is not stale', async () => {
    const t = setup();
    t.audio.unlock();
    t.audio.cue('arrive');
    await t.flush();
    expect(t.howl('cue-arrive')!.playing()).toBe(true);

    const late = setup();
    late.audio.unlock();
    late.audio.cue('ending-fan');
    late.tick(5000);
    await late.flush();
    expect(late.howl('cue-ending-fan')).toBeUndefined();
  });

  it('fetches the cues in idle time after unlock (not when muted), so a later cue is cheap', async () => {
    const t = setup();
    t.audio.unlock();
    await t.flush();
    expect(FakeHowl.all).toHaveLength(0);
    t.runIdle();
    expect(FakeHowl.all.map((h) => h.name).sort()).toEqual(
      ['arrive', 'confirm', 'doorbell', 'ending-fan', 'ending-lost', 'ending-neutral', 'timeout'].map((c) => `cue-${c}`),
    );
    t.audio.cue('timeout');
    expect(FakeHowl.all).toHaveLength(7);
    expect(t.howl('cue-timeout')!.playing()).toBe(true);

    const muted = setup();
    muted.audio.configure({ enabled: false, volume: 0.5 });
    muted.audio.unlock();
    await muted.flush();
    muted.runIdle();
    expect(FakeHowl.all).toHaveLength(0);
  });

  it('goes on silently when the library cannot load', async () => {
    const t = setup({ failLoad: true });
    t.audio.unlock();
    t.audio.ambience('shop');
    t.audio.cue('arrive');
    await t.flush();
    expect(t.warnings).toEqual(['Sound is unavailable: the audio library did not load.']);
    expect(t.audio.state()).toMatchObject({ loaded: false, playing: null });
  });
});
