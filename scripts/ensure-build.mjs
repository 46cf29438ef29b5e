// `npm start` builds what is missing or older than its sources, so a fresh clone just works.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  if (!fs.statSync(dir).isDirectory()) return fs.statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(output, sources) {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return sources.some((dir) => fs.existsSync(dir) && newestMtime(dir) > built);
}

if (['dist/cli.js', 'dist/intake-thread.js'].some((output) => isStale(output, ['src', 'migrations']))) {
  console.log('building the server…');
  execSync('npm run build:server', { stdio: 'inherit' });
}
if (isStale('dist/web/index.html', ['web/src', 'web/index.html'])) {
  console.log('building the console…');
  execSync('npm run build:web', { stdio: 'inherit' });
}
