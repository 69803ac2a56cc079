/**
 * Whether the header's main menu is open behind its "Menu" button (a narrow screen, see
 * Header.svelte). It belongs to the screen it was opened on: moving to another screen closes it.
 * Shared so that a menu opened on a pre-rendered page (src/boot/boot.ts) is still open when the
 * app takes over (play-boot.ts, home-boot.ts).
 */
import type { Route } from '../router';
import { route } from './route.svelte';

class MainMenu {
  #openOn = $state.raw<Route | null>(null);
  open = $derived(this.#openOn !== null && this.#openOn === route.current);

  set(open: boolean): void {
    this.#openOn = open ? route.current : null;
  }
}

export const mainMenu = new MainMenu();
