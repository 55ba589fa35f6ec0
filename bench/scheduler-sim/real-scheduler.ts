// Drives tarmac's real Scheduler (src/orchestrate/scheduler.ts) on a virtual clock: executors are fake, each step
// "runs" until the virtual clock reaches its end; the driver advances the clock from one step end to the next
// once the scheduler has made all its decisions. The engine model crashes it like the simulator would.
import { TarmacError } from '../../src/errors/errors.js';
import { EventBus } from '../../src/events/bus.js';
import type { Plan } from '../../src/plan/types.js';
import { Scheduler } from '../../src/orchestrate/scheduler.js';
import type { ExecutorResult, StepExecutor } from '../../src/plan/step-executor.js';
import type { SimSpan } from '../../src/plan/simulate-crash.js';

interface Pending {
  id: string;
  weight: number;
  start: number;
  end: number;
  resolve: (r: ExecutorResult) => void;
  reject: (e: unknown) => void;
}

/** What the real scheduler did on the virtual clock. */
export interface RealRun {
  outcome: string;
  makespanMs: number;
  crashes: number;
  spans: SimSpan[];
  peakWeight: number;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `plan` with the real scheduler at `capacity`; step durations from `durationMs`; crash when the running weight exceeds `crashAbove`. */
export async function runRealScheduler(
  plan: Plan,
  capacity: number,
  durationMs: ReadonlyMap<string, number>,
  crashAbove: number,
): Promise<RealRun> {
  let now = 0;
  const clock = { now: () => now };
  const pending = new Map<string, Pending>();
  const spans: SimSpan[] = [];
  let crashes = 0;
  let peakWeight = 0;
  let calls = 0;
  const execute: StepExecutor = (step) =>
    new Promise<ExecutorResult>((resolve, reject) => {
      calls += 1;
      pending.set(step.id, {
        id: step.id,
        weight: step.claims.engine,
        start: now,
        end: now + (durationMs.get(step.id) ?? 0),
        resolve,
        reject,
      });
      const weight = [...pending.values()].reduce((sum, p) => sum + p.weight, 0);
      peakWeight = Math.max(peakWeight, weight);
      if (weight > crashAbove) {
        crashes += 1;
        // No probe is given to the scheduler, so the crash fails the steps (tarmac would recover; it never gets here at capacity 2).
        for (const p of [...pending.values()].filter((x) => x.weight > 0)) {
          pending.delete(p.id);
          spans.push({ id: p.id, start: p.start, end: now, outcome: 'crashed' });
          p.reject(
            new TarmacError(
              'ENGINE_COMMAND_FAILED',
              `simulated engine crash: running weight ${weight} > ${crashAbove}`,
            ),
          );
        }
      }
    });
  const scheduler = new Scheduler(plan, {
    bus: new EventBus('sim', clock),
    capacity,
    signal: new AbortController().signal,
    execute,
    // Real timers (heartbeat, step timeouts) never fire: the whole simulated run takes milliseconds of real time.
    heartbeatMs: 2 ** 31 - 1,
    clock,
  });
  const result: { summary?: Awaited<ReturnType<Scheduler['run']>> } = {};
  void scheduler.run().then((s) => (result.summary = s));
  while (!result.summary) {
    // Let the scheduler settle: until no new executor was called and nothing else happened over two turns.
    let seen = -1;
    while (seen !== calls) {
      seen = calls;
      await turn();
      await turn();
    }
    if (result.summary) break;
    const next = Math.min(...[...pending.values()].map((p) => p.end));
    if (next === Infinity) throw new Error('real scheduler stalled on the virtual clock with no step running');
    now = next;
    for (const p of [...pending.values()].filter((x) => x.end <= now)) {
      pending.delete(p.id);
      spans.push({ id: p.id, start: p.start, end: p.end, outcome: 'done' });
      p.resolve({ state: 'succeeded' });
    }
  }
  const { summary } = result;
  return { outcome: summary.outcome, makespanMs: summary.durationMs, crashes, spans, peakWeight };
}
