// Test helpers for the scheduler: an executor the test finishes by hand, and checks over the event stream.
import { EventBus } from '../events/bus.js';
import type { TarmacEvent } from '../events/types.js';
import { assemblePlan } from '../plan/assemble.js';
import type { StepDraft } from '../plan/assemble.js';
import type { Plan, StepId } from '../plan/types.js';
import type { ExecutorContext, ExecutorResult, StepExecutor } from '../plan/step-executor.js';

interface Call {
  ctx: ExecutorContext;
  resolve: (result: ExecutorResult) => void;
  reject: (error: unknown) => void;
  settled: boolean;
}

/** An executor whose steps finish only when the test says so. */
export class FakeExecutor {
  /** Step ids in the order their executors were called. */
  readonly started: StepId[] = [];
  private readonly calls = new Map<StepId, Call>();
  private readonly waiters = new Map<StepId, ((ctx: ExecutorContext) => void)[]>();

  readonly execute: StepExecutor = (step, ctx) =>
    new Promise<ExecutorResult>((resolve, reject) => {
      const call: Call = {
        ctx,
        settled: false,
        resolve: (r) => ((call.settled = true), resolve(r)),
        reject: (e) => ((call.settled = true), reject(e)),
      };
      this.calls.set(step.id, call);
      this.started.push(step.id);
      for (const wake of this.waiters.get(step.id) ?? []) wake(ctx);
      this.waiters.delete(step.id);
    });

  /** Resolves once the executor has been called for `id`. */
  whenStarted(id: StepId): Promise<ExecutorContext> {
    const call = this.calls.get(id);
    if (call) return Promise.resolve(call.ctx);
    return new Promise((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]));
  }

  /** The context the executor of `id` received. */
  ctx(id: StepId): ExecutorContext {
    return this.call(id).ctx;
  }

  /** Steps whose executors were called and have not been settled by the test. */
  running(): StepId[] {
    return [...this.calls].filter(([, c]) => !c.settled).map(([id]) => id);
  }

  succeed(id: StepId, result: ExecutorResult = { state: 'succeeded' }): void {
    this.call(id).resolve(result);
  }

  fail(id: StepId, error: unknown): void {
    this.call(id).reject(error);
  }

  private call(id: StepId): Call {
    const call = this.calls.get(id);
    if (!call) throw new Error(`executor of ${id} was not called`);
    return call;
  }
}

/** Lets every queued promise callback run (one macrotask turn); not a sleep. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A bus for tests. */
export function testBus(): EventBus {
  return new EventBus('run-test');
}

/** A plan from drafts (ids `build:<x>` by convention). */
export function planOf(drafts: StepDraft[], durations?: Map<StepId, number>): Plan {
  return assemblePlan(drafts, durations);
}

/** Events of one type, narrowed. */
export function eventsOf<T extends TarmacEvent['type']>(
  events: readonly TarmacEvent[],
  type: T,
): Extract<TarmacEvent, { type: T }>[] {
  return events.filter((e): e is Extract<TarmacEvent, { type: T }> => e.type === type);
}

/**
 * Replays the stream and lists every moment where the engine held more than its capacity, counted both from
 * `resource` events and from the claims of started-but-unfinished steps. Over capacity is allowed only for a
 * single step heavier than the capacity that runs alone.
 */
export function capacityViolations(events: readonly TarmacEvent[]): string[] {
  const problems: string[] = [];
  const claims = new Map<StepId, number>();
  let capacity = Number.POSITIVE_INFINITY;
  const aloneOverweight = (): boolean => {
    const holders = [...claims.values()].filter((c) => c > 0);
    return holders.length === 1 && holders[0]! > capacity;
  };
  for (const event of events) {
    if (event.type === 'resource') {
      capacity = event.capacity;
      if (event.inUse > capacity && !aloneOverweight())
        problems.push(`resource inUse ${event.inUse} > capacity ${capacity}`);
    } else if (event.type === 'step.started') {
      claims.set(event.stepId, event.claims.engine);
      const sum = [...claims.values()].reduce((a, b) => a + b, 0);
      if (sum > capacity && !aloneOverweight())
        problems.push(`running claims ${sum} > capacity ${capacity} at ${event.stepId}`);
    } else if (event.type === 'step.finished') {
      claims.delete(event.stepId);
    }
  }
  return problems;
}

/** The largest number of steps that were running at the same time. */
export function maxConcurrent(events: readonly TarmacEvent[]): number {
  const running = new Set<StepId>();
  let max = 0;
  for (const event of events) {
    if (event.type === 'step.started') running.add(event.stepId);
    if (event.type === 'step.finished') running.delete(event.stepId);
    max = Math.max(max, running.size);
  }
  return max;
}
