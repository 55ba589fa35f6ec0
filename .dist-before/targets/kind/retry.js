import { CancelledError } from "../../errors/errors.js";
async function withRetry(fn, options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.attempts || options.signal?.aborted || !options.isTransient(error)) throw error;
      const waitMs = options.backoffMs * 2 ** (attempt - 1);
      options.onRetry?.(attempt + 1, error, waitMs);
      await options.sleep(waitMs, options.signal);
      if (options.signal?.aborted) throw new CancelledError();
    }
  }
}
export {
  withRetry
};
//# sourceMappingURL=retry.js.map
