import http from 'node:http';

export interface Reply {
  status: number;
  body: string;
}

/**
 * A keep-alive JSON client for one loopback server: at most `connections` sockets, reused.
 * node:http rather than fetch: it costs the load generator less CPU, which matters on 2 cores.
 */
export class JsonClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly baseUrl: URL,
    connections: number,
    private readonly headers: Record<string, string> = {},
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  withHeaders(headers: Record<string, string>, connections: number): JsonClient {
    return new JsonClient(this.baseUrl, connections, { ...this.headers, ...headers });
  }

  get(path: string): Promise<Reply> {
    return this.send('GET', path);
  }

  /** `body` is JSON text, serialised before the clock starts. */
  post(path: string, body: string): Promise<Reply> {
    return this.send('POST', path, body);
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, path: string, body?: string): Promise<Reply> {
    const headers: Record<string, string | number> = { ...this.headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    return new Promise((resolve, reject) => {
      const request = http.request(new URL(path, this.baseUrl), {
        method,
        headers,
        agent: this.agent,
        timeout: 120_000,
      });
      request.on('timeout', () => request.destroy(new Error(`${method} ${path}: no answer within 120 s`)));
      request.on('error', reject);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      request.end(body);
    });
  }
}

/** Fails with the server's own words when a reply is not the expected status. */
export function expectStatus(reply: Reply, expected: number, what: string): void {
  if (reply.status !== expected) {
    throw new Error(`${what}: expected HTTP ${expected}, got ${reply.status}: ${reply.body.slice(0, 500)}`);
  }
}

/** Runs task(0 … count-1) with at most `concurrency` in flight; bounded by count. */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let hasFailed = false;
  const worker = async () => {
    while (next < count && !hasFailed) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        hasFailed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
