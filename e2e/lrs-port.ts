/** Where the test LRS listens (beside the app's preview port, so worktrees do not collide) and how it starts. */
export function lrsPortFor(appPort: number): number {
  return appPort + 2000;
}

/** Learning Locker's statement service, all in memory, any credentials accepted (its "test" auth). */
export const LRS_ENV = { AUTH_REPO: 'test', EVENTS_REPO: 'test', MODELS_REPO: 'memory', STORAGE_REPO: 'memory', NODE_ENV: 'test' };
