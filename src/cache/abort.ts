// Cancellation for the cache module: abort turns into a TarmacError, never a bare DOMException.
import { CancelledError, TarmacError } from '../errors/errors.js';

/** Throws when `signal` is aborted: its reason if that is a TarmacError, else a CancelledError. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (!signal?.aborted) return;
  // A watchdog aborts with its own typed reason (e.g. a timeout); keep it so the report names it.
  if (signal.reason instanceof TarmacError) throw signal.reason;
  throw new CancelledError(`Cancelled while ${what}`);
}
