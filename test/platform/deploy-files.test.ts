import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, unknown> | string[];
  healthcheck?: { test?: unknown; disable?: boolean };
};
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** Environment variables Ordo reads: `env.X` in the config loader and `process.env.X` anywhere. */
function knownEnvNames(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts'))
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]);
    }
  };
  walk(path.join(root, 'src'));
  return names;
}

/** Commands the CLI defines (`.command('serve')` …). */
const cliCommands = new Set([...read('src/cli/main.ts').matchAll(/\.command\('([a-z-]+)/g)].map((m) => m[1]));

/** Dockerfile instructions of the last stage, joined across line continuations. */
function lastStage(): string[] {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const from = lines.map((l, i) => (l.startsWith('FROM ') ? i : -1)).filter((i) => i >= 0);
  return lines.slice(from[from.length - 1]);
}
const jsonArgs = (line: string) => JSON.parse(line.replace(/^[A-Z]+\s+/, '')) as string[];

describe('deployment files', () => {
  it('compose runs PostgreSQL, a one-shot migration, two API nodes, two workers and a proxy', () => {
    for (const name of ['postgres', 'migrate', 'api1', 'api2', 'worker1', 'worker2', 'proxy'])
      assert.ok(services[name], `service ${name}`);
    for (const name of ['api1', 'api2']) {
      assert.deepEqual(services[name].command, ['serve']);
      assert.equal(services[name].environment?.ORDO_WORKER, 'off', `${name} leaves the outbox to workers`);
      assert.equal(services[name].environment?.HOST, '0.0.0.0', `${name} listens beyond loopback`);
      assert.ok('migrate' in (services[name].depends_on as Record<string, unknown>));
    }
    for (const name of ['worker1', 'worker2']) assert.deepEqual(services[name].command, ['worker']);
    assert.deepEqual(services.migrate.command, ['migrate']);
  });

  it('every Ordo service runs a real CLI command with environment names Ordo reads', () => {
    const known = knownEnvNames();
    for (const required of ['DATABASE_URL', 'ORDO_SECRET_KEY', 'ORDO_WORKER', 'HOST', 'PORT'])
      assert.ok(known.has(required));
    for (const [name, service] of Object.entries(services)) {
      if (service.image !== 'ordo:latest') continue;
      assert.ok(
        cliCommands.has(service.command?.[0] ?? ''),
        `${name}: "${service.command}" is an ordo command`,
      );
      for (const key of Object.keys(service.environment ?? {}))
        assert.ok(known.has(key), `${name}: ${key} is read by Ordo`);
      assert.match(service.environment?.DATABASE_URL ?? '', /^postgres:\/\/.*@postgres:5432\//);
      assert.ok(service.environment?.ORDO_SECRET_KEY, `${name} shares the secret key`);
    }
  });

  it('the proxy config sends traffic to the API nodes on their port, checked by /readyz', () => {
    const mount = services.proxy.volumes?.find((v) => v.includes('Caddyfile')) ?? '';
    const hostFile = mount.split(':')[0];
    const caddyfile = read(hostFile);
    const upstream = /reverse_proxy\s+([^{]+)\{/.exec(caddyfile)?.[1].trim().split(/\s+/) ?? [];
    assert.deepEqual(
      upstream.sort(),
      ['api1', 'api2'].map((n) => `${n}:${services[n].environment?.PORT}`),
    );
    assert.match(caddyfile, /health_uri \/readyz/);
    assert.ok(services.proxy.ports?.length, 'the proxy publishes a port');
  });

  it('the image runs as a non-root user, checks /readyz and starts a real CLI command', () => {
    const stage = lastStage();
    const users = stage.filter((l) => l.startsWith('USER '));
    assert.ok(users.length > 0, 'USER is set');
    const user = users[users.length - 1].slice(5).trim();
    assert.ok(!['root', '0', '0:0'].includes(user), `runs as ${user}`);
    const health = stage.find((l) => l.startsWith('HEALTHCHECK '));
    assert.ok(health?.includes('/readyz'), 'HEALTHCHECK asks /readyz');
    assert.match(read('src/api/system.routes.ts'), /'\/readyz'/);
    const entry = jsonArgs(stage.find((l) => l.startsWith('ENTRYPOINT ')) ?? '');
    const cmd = jsonArgs(stage.find((l) => l.startsWith('CMD ')) ?? '');
    assert.deepEqual(entry, ['node', 'dist/cli.js']);
    assert.match(
      read('scripts/build-server.mjs'),
      /in: 'src\/cli\.ts', out: 'cli'/,
      'the build makes dist/cli.js',
    );
    assert.ok(cliCommands.has(cmd[0]), `CMD ${cmd[0]} is an ordo command`);
    assert.ok(stage.some((l) => l.startsWith('COPY --from=build') && l.includes('dist')));
  });

  it('the build context leaves out dependencies, data and secrets', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['node_modules', '.git', 'data', '.env']) assert.ok(ignored.includes(entry), entry);
  });
});
