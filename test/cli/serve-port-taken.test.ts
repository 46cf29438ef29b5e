import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');

describe('ordo serve on a port already taken', () => {
  it('exits non-zero with one line saying so, instead of staying alive serving nothing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordo-port-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORDO_DATA_DIR: dataDir,
      ORDO_ADMIN_PASSWORD: 'port-password-1',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { cwd: root, env });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    try {
      const [code, signal] = await once(child, 'exit');
      assert.equal(signal, null, 'still running after 30 s');
      assert.equal(code, 8, stderr);
      assert.match(stderr, /ordo: cannot listen on 127\.0\.0\.1:\d+: the address is in use/);
    } finally {
      clearTimeout(killer);
      blocker.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
