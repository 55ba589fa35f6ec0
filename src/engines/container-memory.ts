// How much memory the running containers use now: `<engine> stats --no-stream` with one template podman and docker
// both know, joined with each container's labels (so a caller can tell whose containers they are).
import { parseSize } from '../config/size.js';
import type { ContainerEngine } from './types.js';

/** What one stats call may take: a measurement beside the run, never worth waiting long for. */
const STATS_TIMEOUT_MS = 15_000;

/** One running container's labels and the bytes of memory it uses. */
export interface ContainerMemory {
  labels: Record<string, string>;
  bytes: number;
}

/** Every running container with its memory use; [] when none runs or `stats` fails (a measurement never throws for that). */
export async function runningContainersMemory(
  engine: ContainerEngine,
  signal?: AbortSignal,
): Promise<ContainerMemory[]> {
  const running = (await engine.listContainers({}, signal)).filter((c) => c.state === 'running');
  if (running.length === 0) return [];
  const result = await engine.exec(
    ['stats', '--no-stream', '--format', '{{.ID}} {{.MemUsage}}', ...running.map((c) => c.id)],
    { ...(signal ? { signal } : {}), timeoutMs: STATS_TIMEOUT_MS },
  );
  if (result.exitCode !== 0) return [];
  const used = parseMemUsage(result.stdout);
  // stats prints short ids; the list may hold full ones.
  return running.flatMap((c) => {
    const bytes = [...used].find(([id]) => c.id.startsWith(id) || id.startsWith(c.id))?.[1];
    return bytes === undefined ? [] : [{ labels: c.labels, bytes }];
  });
}

/**
 * Container id -> used bytes, from lines of `{{.ID}} {{.MemUsage}}`, e.g. `2ff84ea075bd 1.335MB / 25.28GB` (podman:
 * decimal units) or `2ff84ea075bd 1.5MiB / 7.6GiB` (docker: binary units); lines that do not parse are left out.
 */
export function parseMemUsage(stdout: string): Map<string, number> {
  const used = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const match = /^(\S+)\s+([^/]+?)\s*\//.exec(line.trim());
    const bytes = match?.[2] === undefined ? undefined : parseSize(match[2]);
    if (match?.[1] && bytes !== undefined && bytes >= 0) used.set(match[1], bytes);
  }
  return used;
}
