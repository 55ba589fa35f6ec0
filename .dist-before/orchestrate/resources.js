import { TarmacError, ExitCode } from "../errors/errors.js";
import { fits } from "../plan/admission.js";
class Resource {
  constructor(name, capacity) {
    this.name = name;
    this.cap = checkCapacity(capacity);
  }
  name;
  used = 0;
  cap;
  listeners = /* @__PURE__ */ new Set();
  get capacity() {
    return this.cap;
  }
  get inUse() {
    return this.used;
  }
  /** Calls `listener` after every change of capacity or use; returns a function that removes it. */
  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Whether `claim` units may be taken now (see `fits`). */
  canTake(claim) {
    return fits(claim, this.used, this.cap);
  }
  /** Takes `claim` units; the caller checked `canTake`. Claims of 0 change nothing and notify no one. */
  take(claim) {
    if (claim <= 0) return;
    this.used += claim;
    this.notify();
  }
  /** Gives back `claim` units. */
  release(claim) {
    if (claim <= 0) return;
    this.used = Math.max(0, this.used - claim);
    this.notify();
  }
  /** Changes the capacity; running claims are kept, new ones are admitted against the new value. */
  setCapacity(capacity) {
    const next = checkCapacity(capacity);
    if (next === this.cap) return;
    this.cap = next;
    this.notify();
  }
  /** The current values. */
  snapshot() {
    return { name: this.name, capacity: this.cap, inUse: this.used };
  }
  notify() {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}
function checkCapacity(capacity) {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new TarmacError(
      "INVALID_CAPACITY",
      `Expected \`capacity\` to be a positive integer, got \`${capacity}\` (${typeof capacity})`,
      {
        exitCode: ExitCode.usage,
        hint: "Set `build.capacity` (or --capacity) to 1 or more engine units."
      }
    );
  }
  return capacity;
}
export {
  Resource
};
//# sourceMappingURL=resources.js.map
