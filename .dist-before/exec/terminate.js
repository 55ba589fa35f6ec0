import { timerDelay } from "../watch/timeout.js";
class Terminator {
  constructor(target, options) {
    this.target = target;
    this.options = options;
    options.signal?.addEventListener("abort", this.onAbort, { once: true });
    if (options.timeoutMs !== void 0) {
      this.timeoutTimer = setTimeout(() => this.trigger("timeout"), timerDelay(options.timeoutMs));
    }
  }
  target;
  options;
  reason;
  forceKilled = false;
  exited = false;
  timeoutTimer;
  forceTimer;
  onAbort = () => this.trigger("cancel");
  /** Starts terminating, unless a reason was already recorded. */
  trigger(reason) {
    if (this.reason !== void 0 || this.exited) return;
    this.reason = reason;
    if (this.target.killDescendants?.("SIGTERM")) {
      this.forceTimer = setTimeout(() => this.terminateGroup(), timerDelay(this.options.graceMs));
      this.forceTimer.unref();
    } else {
      this.terminateGroup();
    }
  }
  // Also runs after the child exited, when members of its group are still alive.
  terminateGroup() {
    this.target.kill("SIGTERM");
    this.forceTimer = setTimeout(() => this.force(), timerDelay(this.options.graceMs));
    this.forceTimer.unref();
  }
  /** The direct child has exited: stop the racers, and finish off its process group if needed. */
  childExited() {
    this.exited = true;
    clearTimeout(this.timeoutTimer);
    this.options.signal?.removeEventListener("abort", this.onAbort);
    if (this.reason === void 0 || !this.target.leftoversAlive()) {
      clearTimeout(this.forceTimer);
      this.target.done();
    }
  }
  force() {
    if (!this.exited) this.forceKilled = true;
    this.target.kill("SIGKILL");
    this.target.done();
  }
}
export {
  Terminator
};
//# sourceMappingURL=terminate.js.map
