// Children run in their own process group so that killing a run also kills what it started
// (kind -> podman, sh -> sleep, podman build -> RUN step); the group dies with tarmac too.

/** Process groups exist on every platform tarmac targets except Windows. */
export const processGroupsSupported = process.platform !== 'win32';

/** Sends `signal` to every process of the group led by `pgid`; false when none is left. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    // A negative pid addresses the whole process group (POSIX kill(2)).
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone (EPERM cannot happen for our own children)
  }
}

/** Sleeps synchronously; only for the 'exit' handler, where nothing asynchronous runs any more. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The process groups of running commands, killed when tarmac exits: execa's own `cleanup`
 * option does not apply to detached children, so this replaces it.
 * One 'exit' listener is installed while at least one group is registered.
 */
export class GroupReaper {
  private readonly groups = new Set<number>();
  private readonly onExit = (): void => this.killAll();

  constructor(private readonly exitGraceMs = 300) {}

  /** Registers a running group. */
  add(pgid: number): void {
    if (this.groups.size === 0) process.on('exit', this.onExit);
    this.groups.add(pgid);
  }

  /** Forgets a group that is gone or no longer ours to kill. */
  delete(pgid: number): void {
    if (!this.groups.delete(pgid)) return;
    if (this.groups.size === 0) process.off('exit', this.onExit);
  }

  /** SIGTERM to every group, a short grace to let them clean up, then SIGKILL to what is left. */
  killAll(): void {
    const alive = [...this.groups].filter((pgid) => signalGroup(pgid, 'SIGTERM'));
    const deadline = Date.now() + this.exitGraceMs;
    while (alive.some((pgid) => signalGroup(pgid, 0)) && Date.now() < deadline) sleepSync(20);
    for (const pgid of alive) signalGroup(pgid, 'SIGKILL');
    for (const pgid of [...this.groups]) this.delete(pgid);
  }
}
