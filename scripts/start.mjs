// `npm start`: builds what is missing or stale, then runs `ordo serve` in a child process with
// the environment of scripts/server-env.mjs (glibc reads it only when a process starts).
// Signals are passed on, and the launcher ends with the server's exit code.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { serverEnv } from './server-env.mjs';

const root = path.resolve(import.meta.dirname, '..');
const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: serverEnv(process.env),
});
// Ctrl-C reaches the server from the terminal too; it shuts down once however often it is told.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => {
  if (signal) {
    // End the way the server ended, so a supervisor sees the same thing.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
