// What an engine's `version --format json` answer says of its health: the liveness probe every watchdog relies on.
import type { CommandResult } from '../exec/types.js';
import { probeErrorLine } from './classify.js';
import { parseVersion } from './parse-info.js';
import type { EngineHealth, EngineName } from './types.js';

/** The health `<name> version --format json` reported: docker needs its daemon to answer, podman its binary. */
export function versionHealth(name: EngineName, result: CommandResult): EngineHealth {
  const failed = (detail: string): EngineHealth => ({
    ok: false,
    detail,
    durationMs: result.durationMs,
    ...(result.timedOut ? { timedOut: true } : {}),
  });
  if (!result.ok) return failed(probeErrorLine(result) ?? `${name} version exited ${String(result.exitCode)}`);
  const version = parseVersion(result);
  if (name === 'docker' && version.server === undefined) return failed('the docker client answered, but no daemon did');
  const server = version.server !== undefined && name === 'podman' ? ` (server ${version.server})` : '';
  return {
    ok: true,
    detail: `${name} ${version.client ?? version.server ?? '?'}${server} answered in ${result.durationMs}ms`,
    durationMs: result.durationMs,
    ...(version.server !== undefined ? { server: true } : {}),
  };
}
