import { onTimeout } from "./timeout.js";
function watchStall(options) {
  const { stallMs, stop, now } = options;
  let lastOutputAt = now();
  const watch = {
    touch: () => {
      lastOutputAt = now();
    },
    get lastOutputAt() {
      return lastOutputAt;
    }
  };
  if (!(stallMs > 0) || stallMs === Number.POSITIVE_INFINITY) return watch;
  const arm = (delayMs) => onTimeout(delayMs, stop, fire);
  const fire = () => {
    const silentMs = now() - lastOutputAt;
    if (silentMs < stallMs) {
      arm(stallMs - silentMs);
      return;
    }
    void options.check(silentMs).then(
      (keep) => {
        if (keep && !stop.aborted) arm(stallMs);
      },
      () => void 0
    );
  };
  arm(stallMs);
  return watch;
}
export {
  watchStall
};
//# sourceMappingURL=stall.js.map
