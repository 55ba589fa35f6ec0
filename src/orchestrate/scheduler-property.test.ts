import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { TERMINAL_STATES } from '../events/types.js';
import type { StepDraft } from '../plan/assemble.js';
import { draft } from '../plan/plan.test-kit.js';
import { runPlan } from './scheduler.js';
import { FakeExecutor, capacityViolations, eventsOf, flush, planOf, testBus } from './scheduler.test-kit.js';

/** Small deterministic PRNG (mulberry32) so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random DAG: each step depends on a few earlier ones, with random weights (0..4), estimates and cache flags. */
function randomPlanDrafts(rand: () => number): { drafts: StepDraft[]; durations: Map<string, number> } {
  const count = 1 + Math.floor(rand() * 14);
  const drafts: StepDraft[] = [];
  const durations = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const deps = drafts.filter(() => rand() < 0.25).map((d) => d.id);
    const id = `build:s${i}`;
    drafts.push(draft(id, deps, { claims: { engine: Math.floor(rand() * 5) }, cached: rand() < 0.15 }));
    durations.set(id, Math.floor(rand() * 300_000));
  }
  // Shuffle so the plan order is not the creation order.
  return { drafts: drafts.sort(() => rand() - 0.5), durations };
}

describe('runPlan: randomized plans', () => {
  it('never holds more than the capacity (except one over-weight step alone) and ends every step', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(seed);
      const { drafts, durations } = randomPlanDrafts(rand);
      const capacity = 1 + Math.floor(rand() * 4);
      const cancelAfter = rand() < 0.1 ? Math.floor(rand() * 5) : -1;
      const plan = planOf(drafts, durations);
      const fake = new FakeExecutor();
      const bus = testBus();
      const root = new AbortController();
      const done = runPlan(plan, { bus, capacity, signal: root.signal, execute: fake.execute, heartbeatMs: 15_000 });
      let settled = false;
      void done.then(() => (settled = true));
      // Finish running steps one at a time in random order, failing some, until the run resolves.
      for (let round = 0; !settled; round++) {
        await flush();
        if (round === cancelAfter) root.abort();
        const running = fake.running();
        if (running.length === 0) continue;
        const id = running[Math.floor(rand() * running.length)]!;
        if (rand() < 0.1) fake.fail(id, new TarmacError('BUILD_FAILED', `${id} broke`));
        else fake.succeed(id);
        expect(round, `seed ${seed} does not finish`).toBeLessThan(1_000);
      }
      const summary = await done;
      const context = `seed ${seed}, capacity ${capacity}`;
      expect(capacityViolations(bus.history), context).toEqual([]);
      expect(summary.states.size, context).toBe(plan.steps.length);
      for (const step of plan.steps)
        expect(TERMINAL_STATES.has(summary.states.get(step.id)!), `${context}: ${step.id}`).toBe(true);
      const finished = eventsOf(bus.history, 'step.finished').map((e) => e.stepId);
      expect(new Set(finished).size, context).toBe(finished.length);
      expect(finished.sort(), context).toEqual(plan.steps.map((s) => s.id).sort());
      // A step only starts after all its dependencies finished well.
      const okAt = new Map<string, number>();
      bus.history.forEach(
        (e, i) =>
          e.type === 'step.finished' && (e.state === 'succeeded' || e.state === 'cached') && okAt.set(e.stepId, i),
      );
      bus.history.forEach((e, i) => {
        if (e.type !== 'step.started') return;
        for (const dep of plan.steps.find((s) => s.id === e.stepId)!.deps)
          expect(okAt.get(dep) ?? Infinity, `${context}: ${e.stepId} after ${dep}`).toBeLessThan(i);
      });
      expect(eventsOf(bus.history, 'resource').at(-1)?.inUse, context).toBe(0);
    }
  });
});
