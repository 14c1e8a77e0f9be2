import { createServer } from 'node:net';

/**
 * Asks the kernel for a free loopback port by binding port 0 and releasing it. There is a small window
 * in which another process could take the port; the servers started on it fail loudly if that happens.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port the kernel assigned'));
        return;
      }
      const { port } = address;
      server.close(() => resolve(port));
    });
  });
}
