import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Start and stop for a local HTTP server standing in for a platform (a shop, an SMS gateway):
 * it listens on a free port of 127.0.0.1 and `start` answers its base URL.
 */
export function onLocalPort(server: http.Server) {
  return {
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
