// Evidence for a crashing container: the exit code of its last run and its last log lines.
import type { ContainerRecord } from './inspect.js';
import { parseJsonList, type PodmanCli } from './podman-cli.js';
import { asNumber, asRecord } from './shape.js';

export const LOG_TAIL_LINES = 20;
const EVIDENCE_TIMEOUT_MS = 10_000;

/**
 * Exit code of the container's last ended run. While podman restarts it, inspect shows the new run
 * (running, exit code 0), so the code comes from podman's `died` events, which carry it.
 */
export async function lastExitCode(
  cli: PodmanCli,
  container: ContainerRecord,
  since: string | undefined,
  signal?: AbortSignal,
): Promise<number | undefined> {
  if (container.status === 'exited' || container.status === 'stopped') return container.exitCode;
  const args = [
    'events',
    '--stream=false',
    '--filter',
    `container=${container.id}`,
    '--filter',
    'event=died',
    '--format',
    'json',
  ];
  if (since) args.push('--since', since);
  const result = await cli.run(args, { signal, timeoutMs: EVIDENCE_TIMEOUT_MS });
  if (!result.ok) return undefined;
  // One JSON object per line.
  const lines = result.stdout.split('\n').filter((line) => line.trim().startsWith('{'));
  const last = lines.at(-1);
  if (last === undefined) return undefined;
  try {
    return asNumber(asRecord(parseJsonList(last)[0])?.ContainerExitCode);
  } catch {
    return undefined;
  }
}

/** The container's last log lines (stdout and stderr in arrival order). */
export async function logTail(cli: PodmanCli, containerId: string, signal?: AbortSignal): Promise<string[]> {
  const result = await cli.run(['logs', '--tail', String(LOG_TAIL_LINES), containerId], {
    signal,
    timeoutMs: EVIDENCE_TIMEOUT_MS,
    tailLines: LOG_TAIL_LINES,
  });
  return result.ok ? result.tail : [];
}
