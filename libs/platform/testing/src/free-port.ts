import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 now, for a server that cannot report the port it bound (Nest's
 * gRPC transport). The kernel hands out ephemeral ports in turn, so the port is not given to
 * anyone else before the caller binds it a moment later.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
