/**
 * A fault-injecting proxy between the game and the test LRS, on this machine only. Passes every
 * request through, except the statement POSTs it is armed for, which it answers with a scripted
 * fault: a dropped connection (nothing reaches the LRS), a 503 after the LRS stored the
 * statements, a 401, or "hold": the LRS stores them and the answer is held back until the test
 * has killed the browser (a send cut off in the middle). Counts what it forwarded.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyFault = 'drop' | 'store-then-503' | '401' | 'hold';

export class FaultProxy {
  private server: Server;
  private faults: ProxyFault[] = [];
  private waiters: (() => void)[] = [];
  private held: ServerResponse[] = [];
  /** Statement ids of every POST the LRS received through this proxy (duplicates included). */
  readonly forwarded: string[] = [];
  readonly applied: ProxyFault[] = [];

  constructor(private readonly lrsPort: number) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next statement POSTs meet these faults, in order. */
  arm(faults: ProxyFault[]): void {
    this.faults.push(...faults);
  }

  get armed(): number {
    return this.faults.length;
  }

  /** Resolves once a send is held (the LRS has stored it, the browser has no answer yet). */
  whenHeld(): Promise<void> {
    if (this.held.length) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Lets go of held answers (their browser is gone: the sockets are closed). */
  release(): void {
    for (const res of this.held.splice(0)) res.destroy();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const isSend = req.method === 'POST' && /\/statements$/.test(req.url ?? '');
    const fault = isSend ? this.faults.shift() : undefined;
    if (fault) this.applied.push(fault);
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === '401') {
      res.writeHead(401, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Credentials': 'true' });
      res.end(JSON.stringify({ message: 'Unauthorised (fault proxy)' }));
      return;
    }
    const answer = await this.forward(req, body);
    if (isSend && answer.status < 300) for (const s of JSON.parse(body.toString()) as { id: string }[]) this.forwarded.push(s.id);
    if (fault === 'store-then-503') {
      res.writeHead(503, { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', 'Access-Control-Allow-Credentials': 'true' });
      res.end('stored, but the gateway timed out');
      return;
    }
    if (fault === 'hold') {
      this.held.push(res);
      for (const w of this.waiters.splice(0)) w();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = request(
        { host: '127.0.0.1', port: this.lrsPort, method: req.method, path: req.url, headers: { ...req.headers, host: `localhost:${this.lrsPort}` } },
        async (lrs) => {
          const parts: Buffer[] = [];
          for await (const c of lrs) parts.push(c as Buffer);
          const headers: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(lrs.headers)) if (v !== undefined && k !== 'connection' && k !== 'transfer-encoding') headers[k] = v;
          resolve({ status: lrs.statusCode ?? 502, headers, body: Buffer.concat(parts) });
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }
}
