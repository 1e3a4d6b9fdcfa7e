import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the stub received it; `rawHeaderNames` keeps the spelling that went on the wire. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  rawHeaderNames: string[];
  body: string;
}

export type StubHandler = (req: ReceivedRequest, res: ServerResponse) => void | Promise<void>;

/** A stand-in for P100 on 127.0.0.1, for unit tests of the client's port. */
export class StubP100 {
  readonly requests: ReceivedRequest[] = [];
  private readonly sockets = new Set<import('node:net').Socket>();
  private connections = 0;

  private constructor(
    private readonly server: Server,
    public handler: StubHandler,
  ) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      this.connections += 1;
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** TCP connections accepted since start (keep-alive reuse shows as fewer than requests). */
  connectionCount(): number {
    return this.connections;
  }

  static async start(handler: StubHandler = (_req, res) => json(res, 200, {}), port = 0): Promise<StubP100> {
    // The request callback only runs after `stub` below is initialised.
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received: ReceivedRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          rawHeaderNames: req.rawHeaders.filter((_, i) => i % 2 === 0),
          body: Buffer.concat(chunks).toString('utf8'),
        };
        stub.requests.push(received);
        void Promise.resolve(stub.handler(received, res)).catch((error) => {
          res.statusCode = 599;
          res.end(String(error));
        });
      });
    });
    const stub = new StubP100(server, handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return stub;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** A port on 127.0.0.1 with nothing listening (connections are refused). */
export async function closedPort(): Promise<number> {
  const stub = await StubP100.start();
  const port = stub.port;
  await stub.close();
  return port;
}
