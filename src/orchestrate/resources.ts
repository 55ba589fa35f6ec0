// Shared resources that steps claim units of while they run (today: the container engine).
import { TarmacError, ExitCode } from '../errors/errors.js';
import { fits } from '../plan/admission.js';

/** What a resource looks like after a change; listeners get this. */
export interface ResourceSnapshot {
  name: 'engine';
  capacity: number;
  inUse: number;
}

/** A pool of units with a capacity that may change at runtime (adaptive capacity after an engine crash). */
export class Resource {
  private used = 0;
  private cap: number;
  private readonly listeners = new Set<(snapshot: ResourceSnapshot) => void>();

  constructor(
    readonly name: 'engine',
    capacity: number,
  ) {
    this.cap = checkCapacity(capacity);
  }

  get capacity(): number {
    return this.cap;
  }

  get inUse(): number {
    return this.used;
  }

  /** Calls `listener` after every change of capacity or use; returns a function that removes it. */
  onChange(listener: (snapshot: ResourceSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether `claim` units may be taken now (see `fits`). */
  canTake(claim: number): boolean {
    return fits(claim, this.used, this.cap);
  }

  /** Takes `claim` units; the caller checked `canTake`. Claims of 0 change nothing and notify no one. */
  take(claim: number): void {
    if (claim <= 0) return;
    this.used += claim;
    this.notify();
  }

  /** Gives back `claim` units. */
  release(claim: number): void {
    if (claim <= 0) return;
    this.used = Math.max(0, this.used - claim);
    this.notify();
  }

  /** Changes the capacity; running claims are kept, new ones are admitted against the new value. */
  setCapacity(capacity: number): void {
    const next = checkCapacity(capacity);
    if (next === this.cap) return;
    this.cap = next;
    this.notify();
  }

  /** The current values. */
  snapshot(): ResourceSnapshot {
    return { name: this.name, capacity: this.cap, inUse: this.used };
  }

  private notify(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}

function checkCapacity(capacity: number): number {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new TarmacError(
      'INVALID_CAPACITY',
      `Expected \`capacity\` to be a positive integer, got \`${capacity}\` (${typeof capacity})`,
      {
        exitCode: ExitCode.usage,
        hint: 'Set `build.capacity` (or --capacity) to 1 or more engine units.',
      },
    );
  }
  return capacity;
}
