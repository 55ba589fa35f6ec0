// A host-wide engine lease: tarmac processes on one host that use the same engine share its capacity through one
// SQLite file. acquire() waits (polling with backoff, woken at once by releases in this process) until the units fit.
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { CancelledError, ExitCode, TarmacError } from '../errors/errors.js';
import { LeaseMemberGone, LeaseStore } from './lease-store.js';
import type { LeaseRow, TryResult, Waiter } from './lease-store.js';
import { isProcessAlive, processStartTime } from './process-identity.js';
import { pause } from './pause.js';
import { ensureLeaseDir } from './lease-dir.js';
import type { EngineLease, EngineLeaseOptions, Grant, LeaseWait } from './lease-types.js';

export type { LeaseRow } from './lease-store.js';
export type { EngineLease, EngineLeaseOptions, Grant, LeaseWait } from './lease-types.js';

/** How an acquire waits: first poll delay and the longest one (backoff in between). */
const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 250;

/** Runs a store call; what fails there (disk full, a corrupt file) becomes a TarmacError naming the step. */
function leaseCall<T>(stepId: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    if (err instanceof TarmacError) throw err;
    throw new TarmacError(
      'LEASE_FAILED',
      `The host engine lease failed while ${stepId} waited for it: ${(err as Error).message}`,
      {
        exitCode: ExitCode.environment,
        cause: err,
        hint: 'Point TARMAC_LEASE_DIR at a writable local folder, or set TARMAC_HOST_LEASE=off to run without sharing the engine budget with other tarmac runs.',
      },
    );
  }
}

/** One try; undefined when another process keeps the file locked past the busy timeout (e.g. one stopped with Ctrl-Z). */
function tryGrant(store: LeaseStore, waiter: Waiter, at: number): TryResult | undefined {
  try {
    return store.tryGrant(waiter, at);
  } catch (err) {
    if (err instanceof LeaseMemberGone) {
      throw new TarmacError('LEASE_LOST', `The host engine lease lost track of this run: ${err.message}`, {
        exitCode: ExitCode.environment,
        cause: err,
        hint: 'Runs in different pid namespaces (containers) cannot share a lease dir: give each its own TARMAC_LEASE_DIR, or set TARMAC_HOST_LEASE=off.',
      });
    }
    if ((err as { code?: unknown }).code !== 'SQLITE_BUSY') throw err;
    return undefined;
  }
}

/** The lease file for an engine endpoint inside `dir`. */
export function leaseFilePath(dir: string, engineKey: string): string {
  return join(dir, `engine-${createHash('sha256').update(engineKey).digest('hex').slice(0, 16)}.db`);
}

/** Opens (creating if needed) the lease of the given engine and joins it as one run. */
export function openEngineLease(options: EngineLeaseOptions): EngineLease {
  const now = options.now ?? Date.now;
  const pid = options.pid ?? process.pid;
  const path = leaseFilePath(options.dir, options.engineKey);
  let store: LeaseStore | undefined;
  let memberId: number;
  // Outside the try: an unsafe folder is its own error, with its own hint.
  ensureLeaseDir(options.dir);
  try {
    store = new LeaseStore(path, options.isAlive ?? isProcessAlive, options.hostCapacity);
    memberId = store.join(
      { pid, procStart: processStartTime(pid), runId: options.runId, env: options.env, capacity: options.capacity },
      now(),
    );
  } catch (err) {
    store?.close();
    throw new TarmacError('LEASE_UNAVAILABLE', `Cannot open the host engine lease ${path}: ${(err as Error).message}`, {
      exitCode: ExitCode.environment,
      cause: err,
      hint: 'Point TARMAC_LEASE_DIR at a writable local folder, or set TARMAC_HOST_LEASE=off to run without sharing the engine budget with other tarmac runs.',
    });
  }
  return leaseOf(store, memberId, path, options, now);
}

// The EngineLease of a joined member.
function leaseOf(
  store: LeaseStore,
  memberId: number,
  path: string,
  options: EngineLeaseOptions,
  now: () => number,
): EngineLease {
  let closed = false;
  // Waiters in this process, woken at once when this process releases units (others are found by polling).
  const wakers = new Set<() => void>();
  const wakeAll = (): void => {
    for (const wake of [...wakers]) wake();
  };
  const reclaimed = (rows: LeaseRow[]): void => {
    if (rows.length > 0) options.onReclaim?.(rows);
  };
  // Grants whose release failed (the file stayed locked past the busy timeout); retried on every later try.
  const unreleased = new Set<number>();
  const retryReleases = (): void => {
    for (const id of [...unreleased]) {
      try {
        store.release(id);
        unreleased.delete(id);
      } catch {
        // Kept for the next try; leave() on close or exit drops it in any case.
      }
    }
  };
  const releaseGrant = (grantId: number): void => {
    unreleased.add(grantId);
    retryReleases();
  };
  const closeNow = (): void => {
    if (closed) return;
    closed = true;
    process.off('exit', closeNow);
    try {
      store.leave(memberId);
    } finally {
      store.close();
      wakeAll();
    }
  };
  // A clean exit (even process.exit on a second Ctrl-C) gives the units back; SIGKILL is covered by reclaiming.
  if (options.releaseOnExit !== false) process.on('exit', closeNow);

  const acquire = async (
    units: number,
    stepId: string,
    signal: AbortSignal,
    onWait?: (wait: LeaseWait) => void,
  ): Promise<Grant> => {
    if (units <= 0) return { units: 0, stepId, release: () => undefined };
    const cancelled = (): CancelledError =>
      new CancelledError(`${stepId} was cancelled while waiting for the engine lease`);
    if (signal.aborted) throw cancelled();
    if (closed) throw new TarmacError('LEASE_CLOSED', `the engine lease was closed before ${stepId} could start`);
    const since = now();
    const waiter = leaseCall(stepId, () => store.enqueue(memberId, stepId, units, since));
    let granted = false;
    try {
      for (let delay = FIRST_POLL_MS; ; delay = Math.min(MAX_POLL_MS, Math.round(delay * 1.5))) {
        if (closed) throw new TarmacError('LEASE_CLOSED', `the engine lease was closed while ${stepId} waited`);
        retryReleases();
        const result = leaseCall(stepId, () => tryGrant(store, waiter, now()));
        if (result) reclaimed(result.reclaimed);
        if (result?.granted) {
          granted = true;
          const grantId = result.grant.id;
          let released = false;
          return {
            units,
            stepId,
            release() {
              if (released) return;
              released = true;
              if (!closed) releaseGrant(grantId);
              wakeAll();
            },
          };
        }
        if (result)
          onWait?.({
            capacity: result.capacity,
            inUse: result.inUse,
            holders: result.holders,
            queued: result.queued,
            waitedMs: now() - since,
          });
        await pause(delay, signal, wakers);
        if (signal.aborted) throw cancelled();
      }
    } finally {
      if (!granted && !closed) {
        // Best effort: a waiter row left behind stops blocking others once it is stale.
        try {
          store.dropWaiter(waiter.id);
        } catch {
          /* see above */
        }
        // Requests queued behind this one may go first now.
        wakeAll();
      }
    }
  };

  const snapshot = () => {
    if (closed) return undefined;
    const s = store.snapshot(now());
    reclaimed(s.reclaimed);
    return s;
  };
  return {
    path,
    acquire,
    inUse: () => snapshot()?.inUse ?? 0,
    capacity: () => snapshot()?.capacity ?? options.hostCapacity ?? options.capacity,
    close: closeNow,
  };
}
