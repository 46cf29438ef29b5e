import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has the defaults of CONTRACT.md', () => {
    const config = loadConfig({}, '/srv/ordo');
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, '/srv/ordo/data');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.worker, 'inline');
  });

  it('refuses a bad port or worker mode, naming the variable', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadConfig({ ORDO_WORKER: 'sometimes' }), /ORDO_WORKER/);
  });

  it('reads tracking feeds as carrier=url pairs and refuses anything else', () => {
    assert.deepEqual(
      loadConfig({ ORDO_TRACKING_FEEDS: 'sf=https://t.example/sf, yt=http://10.0.0.2/feed' }).trackingFeeds,
      [
        { carrierCode: 'sf', url: 'https://t.example/sf' },
        { carrierCode: 'yt', url: 'http://10.0.0.2/feed' },
      ],
    );
    assert.deepEqual(loadConfig({}).trackingFeeds, []);
    assert.throws(() => loadConfig({ ORDO_TRACKING_FEEDS: 'sf' }), /ORDO_TRACKING_FEEDS/);
  });

  it('starts intake threads per core on SQLite, none on PostgreSQL unless asked, and refuses nonsense', () => {
    const cores = os.availableParallelism();
    assert.equal(loadConfig({}).intakeThreads, cores > 1 ? Math.min(4, cores) : 0);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/ordo' }).intakeThreads, 0);
    assert.equal(
      loadConfig({ DATABASE_URL: 'postgres://db/ordo', ORDO_INTAKE_THREADS: '3' }).intakeThreads,
      3,
    );
    assert.equal(loadConfig({ ORDO_INTAKE_THREADS: '0' }).intakeThreads, 0);
    for (const bad of ['two', '-1', '1.5', '33'])
      assert.throws(() => loadConfig({ ORDO_INTAKE_THREADS: bad }), /ORDO_INTAKE_THREADS/);
  });

  it('sizes intake thread heaps at 48 MB unless told, within 16–4096', () => {
    assert.equal(loadConfig({}).intakeThreadHeapMb, 48);
    assert.equal(loadConfig({ ORDO_INTAKE_THREAD_HEAP_MB: '96' }).intakeThreadHeapMb, 96);
    for (const bad of ['big', '8', '64.5', '5000'])
      assert.throws(() => loadConfig({ ORDO_INTAKE_THREAD_HEAP_MB: bad }), /ORDO_INTAKE_THREAD_HEAP_MB/);
  });
});
