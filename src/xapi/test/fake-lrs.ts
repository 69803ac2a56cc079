/**
 * A fake fetch that behaves like Learning Locker's statement service for the unit tests: POST
 * stores statements by id (200 for a repeated identical one, 409 for a conflicting one, 400 for
 * one without an id or a verb), GET ?statementId= reads one back. Faults can be scripted per call.
 */
export type Fault = 'network' | 'store-then-503' | 503 | 401 | 403 | null;

export class FakeLrs {
  readonly stored = new Map<string, unknown>();
  /** Every statement id received, duplicates included (what a careless LRS would have stored twice). */
  readonly received: string[] = [];
  faults: Fault[] = [];
  posts = 0;

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    if ((init.method ?? 'GET') === 'GET') {
      const id = url.searchParams.get('statementId');
      if (id) return this.stored.has(id) ? Response.json(this.stored.get(id)) : new Response('', { status: 404 });
      return Response.json({ statements: [...this.stored.values()], more: '' });
    }
    this.posts++;
    const fault = this.faults.shift() ?? null;
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (fault === 401 || fault === 403) return Response.json({ message: 'Unauthorised' }, { status: fault });
    if (fault === 503) return new Response('busy', { status: 503 });
    const list = JSON.parse(String(init.body)) as { id?: string; verb?: unknown }[];
    for (const s of list) {
      if (!s.id || !s.verb) return Response.json({ message: 'Invalid statement', warnings: ["Missing required value in 'verb'"] }, { status: 400 });
      const known = this.stored.get(s.id);
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(s)) return Response.json({ message: `${s.id} is conflicting` }, { status: 409 });
    }
    for (const s of list) {
      this.received.push(s.id!);
      this.stored.set(s.id!, s);
    }
    if (fault === 'store-then-503') return new Response('gateway', { status: 503 });
    return Response.json(list.map((s) => s.id));
  };
}
