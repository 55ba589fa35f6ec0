// The argv that reads one container's log on each target, and the error when reading it fails.
import { TarmacError } from '../errors/errors.js';
import { describeFailure } from '../exec/describe.js';
import type { CommandResult } from '../exec/types.js';
import type { LogRequest, LogSource } from './types.js';

// Whole seconds, at least 1: both podman and kubectl take a Go duration.
function since(request: Pick<LogRequest, 'sinceMs'>): string[] {
  return request.sinceMs === undefined ? [] : [`--since=${String(Math.max(1, Math.ceil(request.sinceMs / 1000)))}s`];
}

/** `podman logs [--follow] [--since=Ns] <container id>` (args after `podman`). */
export function podmanLogArgs(containerId: string, request: Pick<LogRequest, 'follow' | 'sinceMs'>): string[] {
  return ['logs', ...(request.follow ? ['--follow'] : []), ...since(request), containerId];
}

/** `kubectl logs -n NS POD -c CONTAINER [--follow] [--since=Ns]` (args after `kubectl --kubeconfig K`). */
export function kubectlLogArgs(source: LogSource, request: Pick<LogRequest, 'follow' | 'sinceMs'>): string[] {
  return [
    'logs',
    '-n',
    source.namespace ?? 'default',
    source.pod,
    '-c',
    source.container,
    ...(request.follow ? ['--follow'] : []),
    ...since(request),
  ];
}

/** LOGS_FAILED for a log command that did not succeed (a cancel by the caller is not a failure: undefined). */
export function logsFailure(source: LogSource, result: CommandResult): TarmacError | undefined {
  if (result.ok || result.cancelled) return undefined;
  const why =
    result.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? describeFailure(result);
  return new TarmacError('LOGS_FAILED', `could not read the log of ${source.pod}/${source.container}: ${why}`, {
    hint: '`tarmac status` shows whether the env is up.',
  });
}
