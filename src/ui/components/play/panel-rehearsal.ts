/**
 * The panels a run shows for the first time only later in the run — the ending, the mood meter an
 * assessment reveals with it, coaching's feedback, the time-out notice — each built once while the
 * player reads, in an element that is never put in the page, and thrown away at once. The step
 * that first shows one then runs code that is compiled, with its markup's template already parsed:
 * on a slow phone, building the ending the first time held the paint of the choice that reached it.
 * Nothing is shown, announced or kept; the panels' own effects never run (they are unmounted first).
 */
import { mount, unmount, type Component } from 'svelte';
import type { Mode, Scenario } from '../../../engine/types';
import EndingPanel from './EndingPanel.svelte';
import FeedbackPanel from './FeedbackPanel.svelte';
import MoodMeter from './MoodMeter.svelte';
import TimeoutNotice from './TimeoutNotice.svelte';

/** One panel built and thrown away; each a task of its own (a few milliseconds on a slow phone). */
export type PanelRehearsal = () => void;

function buildOnce<P extends Record<string, unknown>>(component: Component<P>, props: P): PanelRehearsal {
  return () => unmount(mount(component, { target: document.createElement('div'), props }));
}

/** What a run of `scenario` in `mode` may show later that the first decision does not. */
export function panelRehearsals(scenario: Scenario, mode: Mode): PanelRehearsal[] {
  const name = scenario.customer.name;
  const ending = Object.values(scenario.endings)[0];
  const reaction = Object.values(scenario.nodes).find((n) => n.timeLimit)?.timeLimit?.customer;
  const out: PanelRehearsal[] = [];
  if (ending) out.push(buildOnce(EndingPanel, { ending, reportHref: '#/' }));
  // An assessment shows the mood meter only at its end (a call's line is on screen throughout).
  if (mode === 'assessment' && scenario.setting !== 'phone') out.push(buildOnce(MoodMeter, { mood: 0, name }));
  if (mode === 'coaching') {
    out.push(buildOnce(FeedbackPanel, { name, chosen: '', effects: { warmth: 1, mood: -1 }, feedback: ' ', continueLabel: ' ', oncontinue: () => undefined }));
  }
  if (reaction) out.push(buildOnce(TimeoutNotice, { name, reaction }));
  return out;
}
