const MAX_DELAY_MS = 2 ** 31 - 1;
function timerDelay(ms) {
  return Math.min(Math.max(0, ms), MAX_DELAY_MS);
}
function rejectAfter(ms, stop, reason) {
  return new Promise((_, reject) => {
    if (stop.aborted || ms === Number.POSITIVE_INFINITY) return;
    const timer = setTimeout(() => {
      stop.removeEventListener("abort", clear);
      reject(reason());
    }, timerDelay(ms));
    timer.unref?.();
    const clear = () => clearTimeout(timer);
    stop.addEventListener("abort", clear, { once: true });
  });
}
function onTimeout(ms, stop, callback) {
  rejectAfter(ms, stop, () => new Error("timeout")).catch(callback);
}
function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal === void 0) {
      setTimeout(resolve, timerDelay(ms));
      return;
    }
    if (signal.aborted) {
      resolve();
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, timerDelay(ms));
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
export {
  onTimeout,
  rejectAfter,
  sleep,
  timerDelay
};
//# sourceMappingURL=timeout.js.map
