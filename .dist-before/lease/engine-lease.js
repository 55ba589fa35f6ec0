import { join } from "node:path";
import { createHash } from "node:crypto";
import { CancelledError, ExitCode, TarmacError } from "../errors/errors.js";
import { LeaseMemberGone, LeaseStore } from "./lease-store.js";
import { isProcessAlive, processStartTime } from "./process-identity.js";
import { pause } from "./pause.js";
import { ensureLeaseDir } from "./lease-dir.js";
const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 250;
function leaseCall(stepId, call) {
  try {
    return call();
  } catch (err) {
    if (err instanceof TarmacError) throw err;
    throw new TarmacError(
      "LEASE_FAILED",
      `The host engine lease failed while ${stepId} waited for it: ${err.message}`,
      {
        exitCode: ExitCode.environment,
        cause: err,
        hint: "Point TARMAC_LEASE_DIR at a writable local folder, or set TARMAC_HOST_LEASE=off to run without sharing the engine budget with other tarmac runs."
      }
    );
  }
}
function tryGrant(store, waiter, at) {
  try {
    return store.tryGrant(waiter, at);
  } catch (err) {
    if (err instanceof LeaseMemberGone) {
      throw new TarmacError("LEASE_LOST", `The host engine lease lost track of this run: ${err.message}`, {
        exitCode: ExitCode.environment,
        cause: err,
        hint: "Runs in different pid namespaces (containers) cannot share a lease dir: give each its own TARMAC_LEASE_DIR, or set TARMAC_HOST_LEASE=off."
      });
    }
    if (err.code !== "SQLITE_BUSY") throw err;
    return void 0;
  }
}
function leaseFilePath(dir, engineKey) {
  return join(dir, `engine-${createHash("sha256").update(engineKey).digest("hex").slice(0, 16)}.db`);
}
function openEngineLease(options) {
  const now = options.now ?? Date.now;
  const pid = options.pid ?? process.pid;
  const path = leaseFilePath(options.dir, options.engineKey);
  let store;
  let memberId;
  ensureLeaseDir(options.dir);
  try {
    store = new LeaseStore(path, options.isAlive ?? isProcessAlive, options.hostCapacity);
    memberId = store.join(
      { pid, procStart: processStartTime(pid), runId: options.runId, env: options.env, capacity: options.capacity },
      now()
    );
  } catch (err) {
    store?.close();
    throw new TarmacError("LEASE_UNAVAILABLE", `Cannot open the host engine lease ${path}: ${err.message}`, {
      exitCode: ExitCode.environment,
      cause: err,
      hint: "Point TARMAC_LEASE_DIR at a writable local folder, or set TARMAC_HOST_LEASE=off to run without sharing the engine budget with other tarmac runs."
    });
  }
  return leaseOf(store, memberId, path, options, now);
}
function leaseOf(store, memberId, path, options, now) {
  let closed = false;
  const wakers = /* @__PURE__ */ new Set();
  const wakeAll = () => {
    for (const wake of [...wakers]) wake();
  };
  const reclaimed = (rows) => {
    if (rows.length > 0) options.onReclaim?.(rows);
  };
  const unreleased = /* @__PURE__ */ new Set();
  const retryReleases = () => {
    for (const id of [...unreleased]) {
      try {
        store.release(id);
        unreleased.delete(id);
      } catch {
      }
    }
  };
  const releaseGrant = (grantId) => {
    unreleased.add(grantId);
    retryReleases();
  };
  const closeNow = () => {
    if (closed) return;
    closed = true;
    process.off("exit", closeNow);
    try {
      store.leave(memberId);
    } finally {
      store.close();
      wakeAll();
    }
  };
  if (options.releaseOnExit !== false) process.on("exit", closeNow);
  const acquire = async (units, stepId, signal, onWait) => {
    if (units <= 0) return { units: 0, stepId, release: () => void 0 };
    const cancelled = () => new CancelledError(`${stepId} was cancelled while waiting for the engine lease`);
    if (signal.aborted) throw cancelled();
    if (closed) throw new TarmacError("LEASE_CLOSED", `the engine lease was closed before ${stepId} could start`);
    const since = now();
    const waiter = leaseCall(stepId, () => store.enqueue(memberId, stepId, units, since));
    let granted = false;
    try {
      for (let delay = FIRST_POLL_MS; ; delay = Math.min(MAX_POLL_MS, Math.round(delay * 1.5))) {
        if (closed) throw new TarmacError("LEASE_CLOSED", `the engine lease was closed while ${stepId} waited`);
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
            }
          };
        }
        if (result)
          onWait?.({
            capacity: result.capacity,
            inUse: result.inUse,
            holders: result.holders,
            queued: result.queued,
            waitedMs: now() - since
          });
        await pause(delay, signal, wakers);
        if (signal.aborted) throw cancelled();
      }
    } finally {
      if (!granted && !closed) {
        try {
          store.dropWaiter(waiter.id);
        } catch {
        }
        wakeAll();
      }
    }
  };
  const snapshot = () => {
    if (closed) return void 0;
    const s = store.snapshot(now());
    reclaimed(s.reclaimed);
    return s;
  };
  return {
    path,
    acquire,
    inUse: () => snapshot()?.inUse ?? 0,
    capacity: () => snapshot()?.capacity ?? options.hostCapacity ?? options.capacity,
    close: closeNow
  };
}
export {
  leaseFilePath,
  openEngineLease
};
//# sourceMappingURL=engine-lease.js.map
