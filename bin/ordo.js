#!/usr/bin/env node
// `npx ordo …`: the built CLI when present, otherwise the sources through tsx.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (existsSync(built)) {
  await import(built);
} else {
  register('tsx/esm', import.meta.url);
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
