/**
 * Loaded only when a learning platform launched the page (see launch.ts): starts that platform's
 * session and returns the in-app address to open first.
 */
import type { LmsLaunch } from './launch';
import { playHash } from './launch';

export async function startLms(launch: LmsLaunch): Promise<string> {
  try {
    if (launch.kind === 'scorm12' || launch.kind === 'scorm2004') return await (await import('./scorm-runtime')).startScorm(launch);
    return await (await import('./cmi5-runtime')).startCmi5(launch);
  } catch (e) {
    console.warn('[frontlijn] learning platform not reached; playing on this device only', e);
  }
  return playHash(launch);
}
