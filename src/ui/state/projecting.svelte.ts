/**
 * Whether the screen shown is on a projector and fills the window, with no app menu above it.
 * Room mode's projector view says so by its address (App.svelte); the debrief turns projector
 * mode on and off in place, and sets `on` while it is on.
 */
class Projecting {
  on = $state(false);
}

export const projecting = new Projecting();
