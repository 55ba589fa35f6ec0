// The public shapes of the host-wide engine lease (see engine-lease.ts and README.md).
import type { LeaseRow } from './lease-store.js';
import type { LivenessCheck } from './process-identity.js';

/** How to open a lease: where, for which engine, and as which run. */
export interface EngineLeaseOptions {
  /** Folder of lease files (created if missing). */
  dir: string;
  /** Identifies the engine endpoint (engine name + url/socket); hashed into the file name. */
  engineKey: string;
  /** This run's own engine capacity; the host capacity defaults to the largest of the live runs'. */
  capacity: number;
  /** Fixed host capacity for every run (TARMAC_HOST_CAPACITY); overrides the default. */
  hostCapacity?: number;
  runId: string;
  /** The env name, shown to other runs that wait. */
  env: string;
  pid?: number;
  isAlive?: LivenessCheck;
  now?: () => number;
  /** Called with the grants of dead processes whenever some were reclaimed. */
  onReclaim?: (rows: LeaseRow[]) => void;
  /** Release everything when the process exits (default true; tests of dead processes turn it off). */
  releaseOnExit?: boolean;
}

/** Why an acquire is still waiting: passed to the caller's `onWait` after each unsuccessful try. */
export interface LeaseWait {
  capacity: number;
  inUse: number;
  /** Grants held right now, by every run (this one included). */
  holders: LeaseRow[];
  /** Requests queued before this one (first come, first served), first first. */
  queued: LeaseRow[];
  /** Since when this request waits, ms. */
  waitedMs: number;
}

/** Units held on the host; give them back with release() (idempotent). */
export interface Grant {
  units: number;
  stepId: string;
  release(): void;
}

/** The lease of one run; every method is safe to call after close(). */
export interface EngineLease {
  /** The lease file. */
  readonly path: string;
  /** Waits until `units` fit on the host (or, above the host capacity, until nothing else holds any); rejects with CancelledError on abort. */
  acquire(units: number, stepId: string, signal: AbortSignal, onWait?: (wait: LeaseWait) => void): Promise<Grant>;
  /** Units held on the host right now, by every run. */
  inUse(): number;
  /** The host capacity in force right now. */
  capacity(): number;
  /** Releases everything this run holds or waits for and closes the file. */
  close(): void;
}
