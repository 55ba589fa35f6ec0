// Whether the process that wrote a lease row still runs, robust against pid reuse where the OS tells start times.
import { readFileSync } from 'node:fs';

/** What the kernel says about a process: its start time and state letter (Linux /proc), when known. */
export interface ProcessStat {
  /** Start time in clock ticks since boot (field 22 of /proc/<pid>/stat). */
  startTime: string;
  /** State letter, e.g. R, S, Z (zombie). */
  state: string;
}

/** Reads /proc/<pid>/stat; undefined where there is no /proc (macOS) or the process is gone. */
export function processStat(pid: number): ProcessStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses, so split after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const startTime = fields[19];
    return state !== undefined && startTime !== undefined ? { startTime, state } : undefined;
  } catch {
    return undefined;
  }
}

/** The start time to store with this process's rows, or null where the OS does not tell. */
export function processStartTime(pid: number): string | null {
  return processStat(pid)?.startTime ?? null;
}

/** Decides whether a pid recorded with `startTime` is still that same, live process. */
export type LivenessCheck = (pid: number, startTime: string | null) => boolean;

/** The real check: signal 0 probes the pid; a zombie or a different start time (pid reused) counts as dead. */
export const isProcessAlive: LivenessCheck = (pid, startTime) => {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: the pid exists but belongs to another user, so it is alive; ESRCH: gone.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = processStat(pid);
  if (stat === undefined) return true;
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return startTime === null || stat.startTime === startTime;
};
