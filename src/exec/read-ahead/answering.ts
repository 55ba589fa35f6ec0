// Hands out a read-ahead's answer (issue 16): the first call equal to the read ahead gets its result instead of a new
// process; every other call, and every call after it, runs as usual.
import type { CommandOptions, CommandResult, CommandRunner } from '../types.js';
import { sameCall } from './recipe.js';
import type { StartedReadAhead } from './start.js';

/** `runner`, but the first call equal to `readAhead`'s is answered by it; `onUsed` is told when that happens. */
export function answeringRunner(
  runner: CommandRunner,
  readAhead: StartedReadAhead,
  onUsed: (result: CommandResult) => void,
): CommandRunner {
  let pending: StartedReadAhead | undefined = readAhead;
  return async (cmd, args, options = {}) => {
    const ahead = pending;
    if (ahead === undefined || options.input !== undefined || options.cwd !== undefined)
      return runner(cmd, args, options);
    if (!sameCall(ahead.recipe, cmd, args, options.env)) return runner(cmd, args, options);
    pending = undefined;
    const result = await within(ahead, options);
    if (result.ok) onUsed(result);
    return result;
  };
}

// The read ahead's result, bounded by the caller's signal and timeout as its own process would have been.
async function within(ahead: StartedReadAhead, options: CommandOptions): Promise<CommandResult> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limits = new Promise<'timeout' | 'cancel'>((settle) => {
    if (options.timeoutMs !== undefined) timer = setTimeout(() => settle('timeout'), options.timeoutMs);
    onAbort = () => settle('cancel');
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const first = await Promise.race([ahead.result, limits]);
    if (typeof first !== 'string') return first;
    ahead.stop();
    const stopped = await ahead.result;
    return {
      ...stopped,
      ok: false,
      timedOut: first === 'timeout',
      cancelled: first === 'cancel',
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    };
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}
