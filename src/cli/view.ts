// Picks the live TTY view or the plain one and subscribes it to the bus.
import type { EventBus } from '../events/bus.js';
import { colorsFor, type Colors } from '../ui/colors.js';
import { plainView } from '../ui/plain-view.js';
import { ttyView } from '../ui/tty-view.js';
import { safeDeep } from '../ui/safe-text.js';
import type { TarmacEvent } from '../events/types.js';
import type { CliIo } from './io.js';

export interface AttachedView {
  colors: Colors;
  stop(): void;
}

/** Plain view when the stream is not a TTY, in CI, or when asked; else the live view. */
export function attachView(
  bus: EventBus,
  out: CliIo['stdout'],
  env: NodeJS.ProcessEnv,
  opts: { plain: boolean; verbose: boolean },
): AttachedView {
  const isTTY = Boolean(out.isTTY);
  const colors = colorsFor(isTTY, env);
  const write = (text: string) => void out.write(text);
  const ci = env.CI === 'true' || env.CI === '1';
  if (!isTTY || ci || opts.plain || opts.verbose) {
    const unsubscribe = bus.subscribe(safely(plainView({ write, colors, verbose: opts.verbose })));
    return { colors, stop: unsubscribe };
  }
  const view = ttyView({ write, colors, columns: () => out.columns ?? 100, now: () => Date.now() });
  const unsubscribe = bus.subscribe(safely(view.listener));
  return {
    colors,
    stop: () => {
      view.stop();
      unsubscribe();
    },
  };
}

/** The views add their own colours; what they print from an event (step output, names, messages) is escaped first. */
export function safely(listener: (event: TarmacEvent) => void): (event: TarmacEvent) => void {
  return (event) => listener(safeDeep(event));
}
