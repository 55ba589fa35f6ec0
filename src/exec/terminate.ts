// Ends a running command on timeout or cancel: SIGTERM first, SIGKILL after the grace period.
// The first reason wins, as in execa's terminate/ racers.
import { timerDelay } from '../watch/timeout.js';

export type TerminationReason = 'timeout' | 'cancel';

export interface TerminationTarget {
  /** Signals the command (its whole process group where supported). */
  kill(signal: NodeJS.Signals): void;
  /** Whether something of the command is still running after the child itself exited. */
  leftoversAlive(): boolean;
  /** Called once nothing more will be killed (the caller stops tracking the group). */
  done(): void;
  /** Signals only the command's descendants; false when it has none. */
  killDescendants?(signal: NodeJS.Signals): boolean;
}

export interface TerminationOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  graceMs: number;
}

/** Watches the abort signal and the timeout of one running command and kills it when one fires. */
export class Terminator {
  reason: TerminationReason | undefined;
  forceKilled = false;
  private exited = false;
  private timeoutTimer: NodeJS.Timeout | undefined;
  private forceTimer: NodeJS.Timeout | undefined;
  private readonly onAbort = (): void => this.trigger('cancel');

  constructor(
    private readonly target: TerminationTarget,
    private readonly options: TerminationOptions,
  ) {
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (options.timeoutMs !== undefined) {
      this.timeoutTimer = setTimeout(() => this.trigger('timeout'), timerDelay(options.timeoutMs));
    }
  }

  /** Starts terminating, unless a reason was already recorded. */
  trigger(reason: TerminationReason): void {
    if (this.reason !== undefined || this.exited) return;
    this.reason = reason;
    if (this.target.killDescendants?.('SIGTERM')) {
      // The command gets one grace period to exit by itself (and clean up), then the usual SIGTERM -> SIGKILL.
      this.forceTimer = setTimeout(() => this.terminateGroup(), timerDelay(this.options.graceMs));
      this.forceTimer.unref();
    } else {
      this.terminateGroup();
    }
  }

  // Also runs after the child exited, when members of its group are still alive.
  private terminateGroup(): void {
    this.target.kill('SIGTERM');
    this.forceTimer = setTimeout(() => this.force(), timerDelay(this.options.graceMs));
    // Why unref: a leftover grandchild must not keep tarmac alive; the exit reaper covers it.
    this.forceTimer.unref();
  }

  /** The direct child has exited: stop the racers, and finish off its process group if needed. */
  childExited(): void {
    this.exited = true;
    clearTimeout(this.timeoutTimer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    if (this.reason === undefined || !this.target.leftoversAlive()) {
      clearTimeout(this.forceTimer);
      this.target.done();
    }
    // Otherwise the force timer SIGKILLs the rest of the group when the grace period ends.
  }

  private force(): void {
    if (!this.exited) this.forceKilled = true;
    this.target.kill('SIGKILL');
    this.target.done();
  }
}
