import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Undo steps registered as resources are made (servers, databases, temp dirs) and run in reverse
 * order, also on Ctrl-C, so a failed run leaves nothing behind.
 */
export class Cleanup {
  private readonly steps: { label: string; undo: () => Promise<void> | void }[] = [];

  add(label: string, undo: () => Promise<void> | void): void {
    this.steps.push({ label, undo });
  }

  async runAll(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.undo();
      } catch (error) {
        console.error(
          `cleanup "${step.label}" failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}

/** Runs `work` with a cleanup list that is emptied whatever happens, including SIGINT/SIGTERM. */
export async function withCleanup<T>(work: (cleanup: Cleanup) => Promise<T>): Promise<T> {
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up`);
    void cleanup.runAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(cleanup);
  } finally {
    await cleanup.runAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** A new empty directory under the system temp dir, removed at the end. */
export function tempDir(purpose: string, cleanup: Cleanup): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ordo-bench-${purpose}-`));
  cleanup.add(`remove ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
