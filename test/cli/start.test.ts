import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { newOrderInput } from '../helpers/factories.ts';
import { freePort } from '../helpers/server.ts';

const root = path.resolve(import.meta.dirname, '../..');

interface Launched {
  launcher: ChildProcess;
  url: string;
  env: NodeJS.ProcessEnv;
  output: () => string;
}

const launched: ChildProcess[] = [];
const dataDirs: string[] = [];

/** `npm start`'s launcher on a fresh data directory (it builds the bundle first if it is stale). */
async function launch(extraEnv: Record<string, string> = {}): Promise<Launched> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-start-'));
  dataDirs.push(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    ORDO_DATA_DIR: dataDir,
    ORDO_ADMIN_PASSWORD: 'start-password-1',
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  if (!('MALLOC_ARENA_MAX' in extraEnv)) delete env.MALLOC_ARENA_MAX;
  const launcher = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env });
  launched.push(launcher);
  let output = '';
  for (const stream of [launcher.stdout, launcher.stderr]) stream?.on('data', (chunk) => (output += chunk));
  return { launcher, url: `http://127.0.0.1:${env.PORT}`, env, output: () => output };
}

async function waitUntilHealthy({ launcher, url, output }: Launched): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    assert.equal(launcher.exitCode, null, `the launcher ended early:\n${output()}`);
    const reply = await fetch(`${url}/healthz`).catch(() => null);
    if (reply?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`the server never answered /healthz:\n${output()}`);
}

/** The processes the launcher started (Linux: from /proc). */
function childrenOf(launcher: ChildProcess): number[] {
  const children = fs.readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8');
  return children.trim().split(/\s+/).filter(Boolean).map(Number);
}

/** The server process the launcher started. */
function serverPid(launcher: ChildProcess): number {
  const pids = childrenOf(launcher);
  assert.equal(pids.length, 1, `the launcher has one child, got ${JSON.stringify(pids)}`);
  return pids[0];
}

function environmentOf(pid: number): Map<string, string> {
  const entries = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return new Map(
    entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalIfRunning(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // It has already stopped.
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, 'timed out');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function exitOf(launcher: ChildProcess) {
  if (launcher.exitCode === null && launcher.signalCode === null) await once(launcher, 'exit');
  return { code: launcher.exitCode, signal: launcher.signalCode };
}

describe('npm start (scripts/start.mjs)', () => {
  // A test that failed half-way must not leave its launcher and server running.
  afterEach(async () => {
    for (const launcher of launched.splice(0)) {
      if (launcher.exitCode !== null || launcher.signalCode !== null) continue;
      for (const pid of childrenOf(launcher)) signalIfRunning(pid, 'SIGKILL');
      launcher.kill('SIGKILL');
      await exitOf(launcher);
    }
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the server with two malloc arenas, and SIGTERM stops both processes cleanly', async () => {
    const started = await launch();
    await waitUntilHealthy(started);
    const pid = serverPid(started.launcher);
    const env = environmentOf(pid);
    assert.equal(env.get('MALLOC_ARENA_MAX'), '2');
    assert.equal(
      env.get('ORDO_ADMIN_PASSWORD'),
      'start-password-1',
      'the rest of the environment passes through',
    );
    started.launcher.kill('SIGTERM');
    assert.deepEqual(await exitOf(started.launcher), { code: 0, signal: null });
    assert.equal(isRunning(pid), false, 'the server stopped with the launcher');
    assert.match(started.output(), /"msg":"shutting down"/);
  });

  it('keeps an operator’s MALLOC_ARENA_MAX, and a Ctrl-C that reaches both processes shuts down once', async () => {
    const started = await launch({ MALLOC_ARENA_MAX: '4' });
    await waitUntilHealthy(started);
    const pid = serverPid(started.launcher);
    assert.equal(environmentOf(pid).get('MALLOC_ARENA_MAX'), '4');
    // A terminal signals the whole process group: the server hears it directly, then again from
    // the launcher while it is already shutting down.
    process.kill(pid, 'SIGINT');
    await waitFor(() => started.output().includes('"msg":"shutting down"'));
    signalIfRunning(pid, 'SIGINT');
    started.launcher.kill('SIGINT');
    assert.deepEqual(await exitOf(started.launcher), { code: 0, signal: null });
    assert.equal(isRunning(pid), false);
    assert.equal(started.output().match(/"msg":"shutting down"/g)?.length, 1, started.output());
  });

  it('stores a batch on the built intake thread (dist/intake-thread.js, bundled with its packages)', async () => {
    const started = await launch({ ORDO_INTAKE_THREADS: '1' });
    await waitUntilHealthy(started);
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, ['dist/cli.js', ...args], {
        cwd: root,
        env: started.env,
        encoding: 'utf8',
      });
    const apiKey = cli('apikey', 'create', '--name', 'start-test', '--role', 'integration').trim();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
    const post = (url: string, body: unknown) =>
      fetch(`${started.url}${url}`, { method: 'POST', headers, body: JSON.stringify(body) });
    assert.equal(
      (await post('/api/v1/skus', { code: 'TEE-RED-M', name: 'Tee red M', price: '59.90' })).status,
      201,
    );
    const orders = [newOrderInput(), newOrderInput(), { ...newOrderInput(), total: undefined }];
    const reply = await post('/api/v1/orders/batch', { orders });
    const body = await reply.json();
    assert.equal(reply.status, 200, JSON.stringify(body));
    assert.deepEqual(body.summary, { created: 2, duplicate: 0, rejected: 1 });
    assert.equal(body.results[0].order.status, 'approved');
    const stored = await (
      await fetch(`${started.url}/api/v1/orders/${body.results[0].order.id}`, { headers })
    ).json();
    assert.equal(stored.lines[0].name, 'Tee red M', 'the thread read the catalog');
    assert.equal(body.results[2].error.details.field, 'total');
    started.launcher.kill('SIGTERM');
    assert.deepEqual(await exitOf(started.launcher), { code: 0, signal: null });
    assert.doesNotMatch(started.output(), /intake thread failed/);
  });

  it('ends with the server’s exit code and message when the server cannot start', async () => {
    const started = await launch({ PORT: 'not-a-port' });
    const { code } = await exitOf(started.launcher);
    assert.equal(code, 2, started.output());
    assert.match(started.output(), /PORT must be a port number, got "not-a-port"/);
  });
});
