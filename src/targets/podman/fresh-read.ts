// A read of the host that steps running at once share (issue 17). Side-by-side suites each ask podman for the host's
// pods before a deploy, or for the networks right after creating their own, within a fraction of a second of each
// other, and every podman call costs about 0.15 s of CPU on a machine those suites already keep busy. What a caller
// needs is a read that started after its own last change (its network created, its pods played), not a read of its
// own: it joins a read in flight that started after that change; else, when one is in flight, it waits for that one
// to end and shares the next with every caller that queued meanwhile (group commit). A caller alone (one suite, one
// env) starts its read at once, as a plain call would.

let sequence = 0;

/** A point in this process's order of events (a change's end, a read's start): later points are greater. */
export function mark(): number {
  sequence += 1;
  return sequence;
}

/** One read at a time, shared by every caller whose last change it started after. */
export class FreshRead<T> {
  private inFlight: { from: number; result: Promise<T> } | undefined;
  private queued: Promise<T> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  /** A read that started after `since` (a mark()); `signal` ends this caller's wait, not the read others share. */
  get(since: number, signal?: AbortSignal): Promise<T> {
    return untilAborted(this.fresh(since), signal);
  }

  private fresh(since: number): Promise<T> {
    if (this.inFlight && this.inFlight.from > since) return this.inFlight.result;
    // A queued read starts after this call, so after the caller's change.
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.start();
    const after = (): Promise<T> => {
      this.queued = undefined;
      return this.start();
    };
    this.queued = this.inFlight.result.then(after, after);
    return this.queued;
  }

  private start(): Promise<T> {
    const entry = { from: mark(), result: this.read() };
    this.inFlight = entry;
    const done = (): void => {
      if (this.inFlight === entry) this.inFlight = undefined;
    };
    entry.result.then(done, done);
    return entry.result;
  }
}

/** `promise`, or its rejection with the signal's reason the moment `signal` aborts (the promise itself goes on). */
export function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason as Error);
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error as Error);
      },
    );
  });
}
