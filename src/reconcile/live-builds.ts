// Which image builds are running on this host right now: a buildah working container that a live
// `podman build` may be using must never be removed, whatever a dead run's build log says.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

// Linux reports process start times in clock ticks; USER_HZ is 100 on every mainstream architecture.
const TICKS_PER_SECOND = 100;

/** Start times (ms since the epoch) of the live `podman build` / `buildah bud|build` processes; [] off Linux. */
export function liveBuildStarts(procDir = '/proc'): number[] {
  const bootMs = bootTimeMs(procDir);
  if (bootMs === undefined) return [];
  const starts: number[] = [];
  for (const entry of safeList(procDir)) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = read(`${procDir}/${entry}/cmdline`)?.split('\0').filter(Boolean);
    if (argv === undefined || !isBuild(argv)) continue;
    const stat = read(`${procDir}/${entry}/stat`);
    const ticks = stat === undefined ? undefined : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    if (ticks !== undefined && Number.isFinite(ticks)) starts.push(bootMs + (ticks / TICKS_PER_SECOND) * 1000);
  }
  return starts;
}

/** argv of a build: podman/buildah (any path) with `build` or `bud` among its first words. */
export function isBuild(argv: readonly string[]): boolean {
  const tool = basename(argv[0] ?? '');
  return (tool === 'podman' || tool === 'buildah') && argv.slice(1, 8).some((a) => a === 'build' || a === 'bud');
}

function bootTimeMs(procDir: string): number | undefined {
  const line = read(`${procDir}/stat`)
    ?.split('\n')
    .find((l) => l.startsWith('btime '));
  const seconds = line === undefined ? NaN : Number(line.slice('btime '.length));
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
