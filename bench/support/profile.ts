import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { bundlePath, repoRoot } from './server.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; hitCount?: number }[];
  startTime: number;
  endTime: number;
}

/**
 * Maps positions in the server's bundles (dist/cli.js, dist/intake-thread.js) back to src/
 * files through their source maps.
 */
function bundleMapper(): (frame: CallFrame) => { file: string; line: number } | null {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (bundleFile: string) => {
    if (!maps.has(bundleFile)) {
      const mapFile = `${bundleFile}.map`;
      maps.set(
        bundleFile,
        path.dirname(bundleFile) === path.dirname(bundlePath) && fs.existsSync(mapFile)
          ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')))
          : null,
      );
    }
    return maps.get(bundleFile)!;
  };
  return (frame) => {
    const bundleFile = frame.url.replace(/^file:\/\//, '');
    const map = bundleFile.endsWith('.js') ? mapOf(bundleFile) : null;
    if (!map) return null;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string;
      originalLine?: number;
    };
    if (!entry.originalSource) return null;
    const source = path.resolve(path.dirname(bundleFile), entry.originalSource.replace(/^file:\/\//, ''));
    return { file: path.relative(repoRoot, source), line: entry.originalLine! + 1 };
  };
}

/** Where a frame's time goes: a src/ file, an npm package, Node itself, or V8's own work. */
function areaOf(frame: CallFrame, mapped: { file: string } | null): string {
  if (mapped) return mapped.file;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (inPackage) return `npm:${inPackage[1]}`;
  if (frame.url.startsWith('node:')) return 'node internals';
  return frame.functionName.startsWith('(')
    ? frame.functionName
    : '(native, e.g. the SQLite driver, JSON, crypto)';
}

function addTo(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

function printTop(title: string, totals: Map<string, number>, busyMs: number, count: number): void {
  console.error(`  ${title}`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.error(`    ${((100 * ms) / busyMs).toFixed(1).padStart(5)}%  ${key}`);
  }
}

/** Self time of one V8 CPU profile by area and by function, as shares of the non-idle time. */
function summariseProfile(file: string): void {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const msPerHit = (profile.endTime - profile.startTime) / 1000 / Math.max(1, hits);
  const mapFrame = bundleMapper();
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * msPerHit;
    if (ms === 0 || node.callFrame.functionName === '(idle)') continue;
    const mapped = mapFrame(node.callFrame);
    const area = areaOf(node.callFrame, mapped);
    addTo(byArea, area, ms);
    addTo(
      byFunction,
      `${node.callFrame.functionName || '(anonymous)'} ${mapped ? `${mapped.file}:${mapped.line}` : area}`,
      ms,
    );
  }
  const busyMs = [...byArea.values()].reduce((a, b) => a + b, 0);
  console.error(
    `\nprofile ${path.relative(path.dirname(path.dirname(file)), file)}: ${(busyMs / 1000).toFixed(1)} s busy`,
  );
  printTop('self time by area', byArea, busyMs, 15);
  printTop('self time by function', byFunction, busyMs, 25);
}

/** Prints a summary of every server CPU profile written under `dir` (kept for DevTools). */
export async function summariseProfiles(dir: string): Promise<void> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  for (const file of files) summariseProfile(path.join(dir, file));
  console.error(`\nCPU profiles kept in ${dir} (open them in Chrome DevTools › Performance)`);
}
