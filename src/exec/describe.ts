// One line saying how a command ended, for messages, journals and heartbeats.
import { formatDuration } from '../config/duration.js';
import type { CommandResult } from './types.js';

const MAX_COMMAND_CHARS = 80;

/** Shortens a long command line for a one-line message. */
export function shortCommand(command: string, max = MAX_COMMAND_CHARS): string {
  return command.length <= max ? command : `${command.slice(0, max - 1)}…`;
}

/** e.g. "`podman build -t x .` exited 125", "… timed out after 30s", "… could not start: podman not found". */
export function describeFailure(result: CommandResult): string {
  const cmd = `\`${shortCommand(result.command)}\``;
  if (result.spawnError !== undefined) return `${cmd} could not start: ${result.spawnError}`;
  const forced = result.forceKilled ? ' (it ignored SIGTERM and was killed with SIGKILL)' : '';
  if (result.timedOut)
    return `${cmd} timed out after ${formatDuration(result.timeoutMs ?? result.durationMs)}${forced}`;
  if (result.cancelled) {
    return result.exitCode === undefined && result.signal === undefined
      ? `${cmd} was cancelled before it started`
      : `${cmd} was cancelled${forced}`;
  }
  if (result.signal !== undefined) return `${cmd} was killed by ${result.signal}`;
  if (result.exitCode === 0) return `${cmd} succeeded`;
  if (result.exitCode === undefined) return `${cmd} ended without an exit code`;
  return `${cmd} exited ${String(result.exitCode)}`;
}
