import { CancelledError, ExitCode, TarmacError } from "../errors/errors.js";
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
function rootSignal(hooks) {
  const { onFirst, onForce } = typeof hooks === "function" ? { onFirst: hooks, onForce: void 0 } : hooks;
  const controller = new AbortController();
  const handler = (name) => {
    if (controller.signal.aborted) {
      onForce?.(name);
      process.exit(ExitCode.interrupted);
    }
    onFirst(name);
    controller.abort(new CancelledError(`interrupted by ${name}`));
  };
  for (const name of SIGNALS) process.on(name, handler);
  return {
    signal: controller.signal,
    dispose() {
      for (const name of SIGNALS) process.off(name, handler);
    }
  };
}
function interruptionOf(error) {
  for (let e = error, depth = 0; e !== void 0 && e !== null && depth < 8; depth++) {
    if (e instanceof CancelledError) return e;
    if (typeof e === "object" && e.cancelled === true) {
      return new CancelledError(`interrupted${error instanceof TarmacError ? ` (${error.message})` : ""}`);
    }
    e = e.cause;
  }
  return void 0;
}
export {
  interruptionOf,
  rootSignal
};
//# sourceMappingURL=signals.js.map
