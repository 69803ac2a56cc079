/**
 * The results screen's "Received" log, kept in localStorage beside the open room (room-session.ts)
 * so a reload, or the next hand-in link opened in a new tab, still shows what came in before.
 * Entries are the sentences as shown (in the language of the moment), newest first, at most 50.
 * Read as untrusted: anything that is not a list of entries reads as an empty log.
 */
export interface ReceivedEntry {
  ok: boolean;
  text: string;
}

export const RECEIVED_KEY = 'frontlijn-received';
const MAX = 50;

function isEntry(v: unknown): v is ReceivedEntry {
  return typeof v === 'object' && v !== null && typeof (v as ReceivedEntry).ok === 'boolean' && typeof (v as ReceivedEntry).text === 'string';
}

/** The log as stored, newest first; null when storage cannot be read. */
function read(): ReceivedEntry[] | null {
  try {
    const raw = localStorage.getItem(RECEIVED_KEY);
    const v: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(v) ? v.filter(isEntry).slice(0, MAX) : [];
  } catch {
    return null;
  }
}

/** The log as stored, newest first ([] when there is none, or storage refused). */
export function loadReceived(): ReceivedEntry[] {
  return read() ?? [];
}

/**
 * Adds an entry on top of what is stored now (another tab may have added some) and returns the
 * new log; when storage refuses, on top of `shown` (the log this page shows), for this page only.
 */
export function addReceived(entry: ReceivedEntry, shown: readonly ReceivedEntry[]): ReceivedEntry[] {
  const next = [{ ok: entry.ok, text: entry.text }, ...(read() ?? shown)].slice(0, MAX);
  try {
    localStorage.setItem(RECEIVED_KEY, JSON.stringify(next));
  } catch {
    /* storage refused: the log lives as long as this page */
  }
  return next;
}
