// The scheduler's book of step states: every terminal change is recorded here and announced as exactly one
// `step.finished` event, and the run's summary is read from it.
import type { TarmacError } from '../errors/errors.js';
import type { EventBus } from '../events/bus.js';
import { toEventError } from '../events/event-error.js';
import type { StepState } from '../events/types.js';
import type { Step, StepId } from '../plan/types.js';
import type { RunSummary } from './scheduler-types.js';
import type { StepOutcome } from './step-runner.js';

/** Step states of one run, and the events that announce their ends. */
export class StepLedger {
  private readonly states = new Map<StepId, StepState>();
  private readonly errors = new Map<StepId, TarmacError>();
  /** For a skipped step, the failed step that caused it. */
  private readonly failedRoot = new Map<StepId, StepId>();

  constructor(
    steps: readonly Step[],
    private readonly bus: EventBus,
  ) {
    for (const step of steps) this.states.set(step.id, 'pending');
  }

  /** The step's state now. */
  state(id: StepId): StepState {
    return this.states.get(id)!;
  }

  /** Marks a step running or pending again, without an event (its start or end event comes from elsewhere). */
  mark(id: StepId, state: 'running' | 'pending'): void {
    this.states.set(id, state);
  }

  /** Records how a step ended and emits its `step.finished`. */
  finish(step: Step, outcome: StepOutcome, durationMs: number): void {
    this.states.set(step.id, outcome.state);
    if (outcome.state === 'failed') {
      this.errors.set(step.id, outcome.error);
      this.bus.emit({
        type: 'step.finished',
        stepId: step.id,
        state: 'failed',
        durationMs,
        error: toEventError(outcome.error),
      });
      return;
    }
    const detail = outcome.detail === undefined ? {} : { detail: outcome.detail };
    this.bus.emit({ type: 'step.finished', stepId: step.id, state: outcome.state, durationMs, ...detail });
  }

  /** Skips a step that will never run. */
  skip(step: Step, detail: string): void {
    this.states.set(step.id, 'skipped');
    this.bus.emit({ type: 'step.finished', stepId: step.id, state: 'skipped', durationMs: 0, detail });
  }

  /** Ends a step whose dependency `blocker` ended badly: cancelled with it, or skipped naming the first failure. */
  settleBlocked(step: Step, blocker: StepId): void {
    if (this.states.get(blocker) === 'cancelled') {
      this.finish(step, { state: 'cancelled', detail: `dependency ${blocker} was cancelled` }, 0);
      return;
    }
    const root = this.failedRoot.get(blocker) ?? blocker;
    this.failedRoot.set(step.id, root);
    this.skip(step, `dependency ${root} failed`);
  }

  /** An attempt the engine crash took down: it ends as cancelled (so its claim is released in order) and waits again. */
  requeue(step: Step, attempt: number, durationMs: number): void {
    this.states.set(step.id, 'pending');
    const detail = `interrupted by the engine crash; runs again (attempt ${attempt}) once the engine answers`;
    this.bus.emit({ type: 'step.finished', stepId: step.id, state: 'cancelled', durationMs, detail });
  }

  /** The run's summary: cancelled if any step was, else failed if any failed or was skipped, else succeeded. */
  summary(durationMs: number): RunSummary {
    const states = [...this.states.values()];
    const outcome = states.includes('cancelled')
      ? 'cancelled'
      : states.some((s) => s === 'failed' || s === 'skipped')
        ? 'failed'
        : 'succeeded';
    return { outcome, states: new Map(this.states), errors: new Map(this.errors), durationMs };
  }
}
