import { TarmacError } from "../errors/errors.js";
import { describeFailure } from "./describe.js";
const DEFAULT_DETAIL_LINES = 20;
function commandFailed(result, options) {
  const what = describeFailure(result);
  const message = options.message === void 0 ? what : `${options.message}: ${what}`;
  const lines = options.detailLines ?? DEFAULT_DETAIL_LINES;
  return new TarmacError(options.code, message, {
    hint: options.hint,
    stepId: options.stepId,
    exitCode: options.exitCode,
    details: lines > 0 ? result.tail.slice(-lines) : [],
    ...options.fact === void 0 ? {} : { fact: options.fact },
    cause: {
      command: result.command,
      exitCode: result.exitCode,
      signal: result.signal,
      timedOut: result.timedOut,
      cancelled: result.cancelled
    }
  });
}
export {
  commandFailed
};
//# sourceMappingURL=errors.js.map
