import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error plain ESM script without type declarations
import { maxDepth, moduleLayers, wallsConfig } from '../../scripts/module-walls.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const biome = path.join(root, 'node_modules', '.bin', 'biome');

/** Files that break the walls (line 1 of each) and files that keep them. */
const fixture: Record<string, string> = {
  'src/modules/orders/audit/past-index.ts': "import { x } from '../../catalog/catalog.repository.ts';\n",
  'src/modules/orders/audit/upward.ts': "import { x } from '../../fulfilment/index.ts';\n",
  'src/modules/orders/intake.ts': "import { x } from '../logistics/shipping.ts';\n",
  'src/modules/inventory/levels.ts': "import { x } from '../staff/roles.ts';\n",
  'src/platform/clock.ts': "import { x } from '../modules/orders/index.ts';\n",
  'src/contracts/orders.ts': "import { x } from '../modules/orders/order-status.ts';\n",
  'web/src/page.tsx': "import { x } from '../../src/modules/orders/index.ts';\n",
  'src/modules/orders/audit/allowed.ts': [
    "import { a } from '../../catalog/index.ts';",
    "import { b } from '../queue/claims.ts';",
    "import { c } from './rules.ts';",
    "import { d } from '../../../platform/errors.ts';",
    '',
  ].join('\n'),
  'src/modules/logistics/allowed.ts': "import { a } from '../fulfilment/index.ts';\n",
};
const breaking = Object.keys(fixture).filter((file) => !file.includes('allowed'));

function modulesFilesDeeperThan(depth: number): string[] {
  const modulesDir = path.join(root, 'src', 'modules');
  return fs
    .readdirSync(modulesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && file.split(path.sep).length - 1 > depth);
}

describe('module walls (biome.walls.json, run by npm run lint)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-walls-'));
    const config = JSON.parse(fs.readFileSync(path.join(root, 'biome.json'), 'utf8'));
    delete config.$schema;
    fs.writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
    fs.copyFileSync(path.join(root, 'biome.walls.json'), path.join(dir, 'biome.walls.json'));
    for (const [file, text] of Object.entries(fixture)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), `${text}export const y = 1;\n`);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is generated from the module layers of DESIGN.md', () => {
    assert.deepEqual(moduleLayers.slice(0, 6), [
      'staff',
      'catalog',
      'inventory',
      'orders',
      'fulfilment',
      'logistics',
    ]);
    const written = fs.readFileSync(path.join(root, 'biome.walls.json'), 'utf8');
    assert.equal(written, wallsConfig(), 'run `node scripts/module-walls.mjs --write`');
  });

  it('covers every module file (none deeper than the walls reach)', () => {
    assert.deepEqual(modulesFilesDeeperThan(maxDepth), []);
  });

  it('fails lint on an import past an index.ts, into a higher module, or from platform, contracts or web', () => {
    const run = spawnSync(biome, ['lint', '--max-diagnostics=100', '.'], { cwd: dir, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    assert.notEqual(run.status, 0, output);
    const flagged = [...output.matchAll(/^(\S+):1:\d+ lint\/style\/noRestrictedImports/gm)].map((m) => m[1]);
    assert.deepEqual(flagged.sort(), [...breaking].sort(), output);
    assert.match(output, /fulfilment, logistics, .* are above orders/);
    assert.match(output, /inventory uses staff, catalog only through their index\.ts/);
  });
});
