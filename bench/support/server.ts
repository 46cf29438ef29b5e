import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { serverEnv } from '../../scripts/server-env.mjs';
import { type Cleanup, tempDir } from './cleanup.ts';
import { JsonClient } from './http.ts';
import { freshPostgresDatabase } from './postgres.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

const run = promisify(execFile);
export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const bundlePath = path.join(repoRoot, 'dist/cli.js');

/** `npm run build:server`: the benchmark measures the bundle users run, not tsx. */
export async function buildServerBundle(): Promise<void> {
  try {
    await run('npm', ['run', '--silent', 'build:server'], { cwd: repoRoot });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`npm run build:server failed:\n${stderr || stdout || String(error)}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The environment of a server on a fresh database of the given kind. */
export async function freshServerEnv(kind: DatabaseKind, cleanup: Cleanup): Promise<NodeJS.ProcessEnv> {
  // As `npm start` runs it (scripts/server-env.mjs).
  const env: NodeJS.ProcessEnv = serverEnv({
    ...process.env,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    ORDO_ADMIN_PASSWORD: 'bench-password',
    LOG_LEVEL: 'warn',
  });
  delete env.DATABASE_URL;
  delete env.DATABASE_READ_URL;
  // Even on PostgreSQL the data dir holds files; keep it out of the repository.
  env.ORDO_DATA_DIR = tempDir(`${kind}-server`, cleanup);
  if (kind === 'postgres') env.DATABASE_URL = await freshPostgresDatabase('server', cleanup);
  return env;
}

export interface Memory {
  rssMb: number;
  peakMb: number;
}

/** VmRSS and VmHWM (peak) of a live process, in MB. */
export function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

export interface StartOptions {
  /** Write a V8 CPU profile of the server into this directory when it stops, named after `label`. */
  cpuProfileDir?: string;
  label?: string;
}

/** `node dist/cli.js serve` as a child process, stopped by the cleanup list. */
export class ServerProcess {
  private readonly outputTail: string[] = [];
  readonly url: URL;

  private constructor(
    private readonly child: ChildProcess,
    readonly env: NodeJS.ProcessEnv,
  ) {
    this.url = new URL(`http://127.0.0.1:${env.PORT}`);
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (text: string) => this.remember(text));
    }
  }

  static async start(
    env: NodeJS.ProcessEnv,
    cleanup: Cleanup,
    options: StartOptions = {},
  ): Promise<ServerProcess> {
    // One directory per server: its main thread and each intake thread write their own profile.
    const profileDir = options.cpuProfileDir && path.join(options.cpuProfileDir, options.label ?? 'server');
    const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    const child = spawn(process.execPath, [...profiling, bundlePath, 'serve'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, env);
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    cleanup.add(`server ${env.PORT}`, async () => {
      await server.stop();
      process.off('exit', killOnExit);
    });
    await server.waitUntilHealthy();
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  memory(): Memory {
    return readMemory(this.pid);
  }

  /** CPU time (user + system) the server has used so far, in seconds. */
  cpuSeconds(): number {
    const fields = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /** A client that sends the given API key. */
  client(apiKey: string, connections: number): JsonClient {
    return new JsonClient(this.url, connections, { authorization: `Bearer ${apiKey}` });
  }

  /** `ordo apikey create` against the same database; it prints the key alone on stdout. */
  async createApiKey(): Promise<string> {
    const args = [bundlePath, 'apikey', 'create', '--name', 'bench', '--role', 'integration'];
    const { stdout } = await run(process.execPath, args, { cwd: repoRoot, env: this.env });
    const key = stdout.trim();
    if (!key || key.includes('\n')) throw new Error(`apikey create printed an unexpected answer: ${stdout}`);
    return key;
  }

  /** SIGTERM (graceful: flushes a CPU profile), then SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.hasExited()) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  private hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private async waitUntilHealthy(): Promise<void> {
    const probe = new JsonClient(this.url, 1);
    try {
      for (let attempt = 0; attempt < 300; attempt++) {
        if (this.hasExited())
          throw new Error(
            `the server exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.tail()}`,
          );
        const reply = await probe.get('/healthz').catch(() => null);
        if (reply?.status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the server did not answer /healthz within 30 s:\n${this.tail()}`);
    } finally {
      probe.close();
    }
  }

  private remember(text: string): void {
    this.outputTail.push(...text.split('\n').filter(Boolean));
    this.outputTail.splice(0, Math.max(0, this.outputTail.length - 40));
    if (/"level":(50|60)/.test(text)) process.stderr.write(`[server] ${text}`);
  }

  private tail(): string {
    return this.outputTail.join('\n');
  }
}
