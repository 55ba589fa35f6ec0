import { colorsFor } from "../ui/colors.js";
import { plainView } from "../ui/plain-view.js";
import { ttyView } from "../ui/tty-view.js";
import { safeDeep } from "../ui/safe-text.js";
function attachView(bus, out, env, opts) {
  const isTTY = Boolean(out.isTTY);
  const colors = colorsFor(isTTY, env);
  const write = (text) => void out.write(text);
  const ci = env.CI === "true" || env.CI === "1";
  if (!isTTY || ci || opts.plain || opts.verbose) {
    const unsubscribe2 = bus.subscribe(safely(plainView({ write, colors, verbose: opts.verbose })));
    return { colors, stop: unsubscribe2 };
  }
  const view = ttyView({ write, colors, columns: () => out.columns ?? 100, now: () => Date.now() });
  const unsubscribe = bus.subscribe(safely(view.listener));
  return {
    colors,
    stop: () => {
      view.stop();
      unsubscribe();
    }
  };
}
function safely(listener) {
  return (event) => listener(safeDeep(event));
}
export {
  attachView,
  safely
};
//# sourceMappingURL=view.js.map
