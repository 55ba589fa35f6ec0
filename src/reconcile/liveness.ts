// Is the tarmac process that owned a run still alive? Answered from the pid plus facts that survive pid
// reuse (the boot id and the process start time on Linux), and never guessed across hosts.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** What the host can tell about processes; tests pass a fake one. */
export interface ProcessProbe {
  /** This process's pid. */
  pid: number;
  hostname(): string;
  /** The kernel's boot id (Linux), undefined elsewhere. */
  bootId(): string | undefined;
  /** Whether a process with this pid exists (EPERM counts: it exists, it is someone else's). */
  exists(pid: number): boolean;
  /** Start time of the process in clock ticks since boot (Linux /proc/<pid>/stat field 22), undefined when unknown. */
  startTicks(pid: number): string | undefined;
}

/** The facts recorded about the tarmac process that owns a run. */
export interface ProcessIdentity {
  pid: number;
  host: string;
  bootId?: string;
  startTicks?: string;
}

export type Liveness =
  | { state: 'alive' }
  | { state: 'dead'; why: string }
  /** Cannot be told from here (another host): treat as alive, never clean. */
  | { state: 'unknown'; why: string };

/** The probe of the machine tarmac runs on. */
export function systemProcessProbe(): ProcessProbe {
  // Read once: it changes only with a reboot, which ends this process too; reconcile asks it for every earlier run.
  let bootId: { value: string | undefined } | undefined;
  return {
    pid: process.pid,
    hostname: () => hostname(),
    bootId: () => (bootId ??= { value: readTrimmed('/proc/sys/kernel/random/boot_id') }).value,
    exists(pid) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
      // A killed process stays a zombie until its parent reaps it: signal 0 still reaches it, but it is dead.
      const state = statFields(pid)?.[0];
      return state !== 'Z' && state !== 'X';
    },
    startTicks: (pid) => statFields(pid)?.[19],
  };
}

/** The identity of this process, to record in the run it owns. */
export function currentIdentity(probe: ProcessProbe): ProcessIdentity {
  const bootId = probe.bootId();
  const startTicks = probe.startTicks(probe.pid);
  return {
    pid: probe.pid,
    host: probe.hostname(),
    ...(bootId ? { bootId } : {}),
    ...(startTicks ? { startTicks } : {}),
  };
}

/** Whether the recorded process still runs. */
export function liveness(owner: ProcessIdentity, probe: ProcessProbe): Liveness {
  if (owner.host !== probe.hostname()) return { state: 'unknown', why: `it ran on host ${owner.host}` };
  const bootId = probe.bootId();
  if (owner.bootId && bootId && owner.bootId !== bootId)
    return { state: 'dead', why: `tarmac (pid ${owner.pid}) ran before the host rebooted` };
  if (!probe.exists(owner.pid)) return { state: 'dead', why: `tarmac (pid ${owner.pid}) is gone` };
  const ticks = owner.startTicks === undefined ? undefined : probe.startTicks(owner.pid);
  // Why: pids are reused; a different start time means another process now has the pid.
  if (ticks !== undefined && ticks !== owner.startTicks)
    return { state: 'dead', why: `tarmac (pid ${owner.pid}) is gone; the pid now belongs to another process` };
  return { state: 'alive' };
}

/** Fields of /proc/<pid>/stat from field 3 (state) on; undefined off Linux or when the process is gone. */
function statFields(pid: number): string[] | undefined {
  const stat = readTrimmed(`/proc/${pid}/stat`);
  // The command name (field 2) may contain spaces and parentheses: count fields after its closing ')'.
  return stat === undefined ? undefined : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function readTrimmed(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}
