import { describe, expect, it } from 'vitest';
import { simulateWithCrashes as simulate } from './simulate-crash.js';
import type { CrashSimPolicy as SimPolicy, CrashSimStep as SimStep, SimSpan } from './simulate-crash.js';
import { optimumSchedule } from './simulate-optimum.js';
import { simulateSchedule } from './simulate.js';
import { topoOrder } from './graph.js';
import { computePriorities } from './priorities.js';

const all: SimPolicy = ({ ready }) => ready.map((s) => s.id);
const step = (id: string, weight: number, durationMs: number, deps: string[] = []): SimStep => ({
  id,
  deps,
  weight,
  durationMs,
});
const span = (spans: readonly SimSpan[], id: string, outcome: SimSpan['outcome'] = 'done'): SimSpan | undefined =>
  spans.find((s) => s.id === id && s.outcome === outcome);

describe('simulateWithCrashes', () => {
  it('starts a step only after all its dependencies have finished', () => {
    const steps = [step('a', 1, 30), step('b', 1, 50), step('c', 0, 10, ['a', 'b'])];
    const result = simulate(steps, all);
    expect(result.completed).toBe(true);
    expect(span(result.spans, 'c')).toEqual({ id: 'c', start: 50, end: 60, outcome: 'done' });
    expect(result.makespanMs).toBe(60);
  });

  it('crashes the engine when the running weight exceeds the limit: every engine step fails, weight-0 steps go on', () => {
    const steps = [step('deploy', 0, 100), step('heavy', 2, 10), step('light', 1, 10)];
    const result = simulate(steps, all, { crashAbove: 2, restartMs: 5, maxCrashes: 1 });
    expect(result.crashes).toBe(1);
    expect(result.completed).toBe(false);
    expect(span(result.spans, 'heavy', 'crashed')).toMatchObject({ start: 0, end: 0 });
    expect(span(result.spans, 'light', 'crashed')).toMatchObject({ start: 0, end: 0 });
    expect(span(result.spans, 'deploy', 'crashed')).toBeUndefined();
    expect(result.peakWeight).toBe(3);
  });

  it('does not crash at exactly the limit', () => {
    const result = simulate([step('a', 1, 10), step('b', 1, 10)], all, { crashAbove: 2, restartMs: 5 });
    expect(result).toMatchObject({ completed: true, crashes: 0, makespanMs: 10, peakWeight: 2 });
  });

  it('charges the restart: nothing on the engine starts until it is back, then the crashed work starts over', () => {
    // a (weight 2) runs; when c (weight 0) ends at 40 the policy adds b: crash at 40, engine back at 100.
    const steps = [step('a', 2, 100), step('b', 1, 10), step('c', 0, 40)];
    const policy: SimPolicy = ({ now, ready, running }) => {
      if (now === 0) return ['a', 'c'];
      if (now === 40) return ['b'];
      return running.some((r) => r.weight > 0) ? [] : ready.slice(0, 1).map((s) => s.id);
    };
    const result = simulate(steps, policy, { crashAbove: 2, restartMs: 60 });
    expect(result.crashes).toBe(1);
    expect(span(result.spans, 'a', 'crashed')).toMatchObject({ start: 0, end: 40 });
    expect(span(result.spans, 'b', 'crashed')).toMatchObject({ start: 40, end: 40 });
    expect(span(result.spans, 'c')).toMatchObject({ start: 0, end: 40 });
    expect(span(result.spans, 'a')).toMatchObject({ start: 100, end: 200 });
    expect(span(result.spans, 'b')).toMatchObject({ start: 200, end: 210 });
    expect(result).toMatchObject({ completed: true, makespanMs: 210 });
  });

  it('holds back engine steps the policy starts while the engine restarts, and asks again when it is up', () => {
    const result = simulate([step('x', 2, 10), step('y', 1, 10)], all, { crashAbove: 2, restartMs: 60, maxCrashes: 2 });
    // Every attempt overloads the engine again: crash at 0, restart, crash at 60, given up.
    expect(result).toMatchObject({ completed: false, crashes: 2, makespanMs: 60 });
  });

  it('reports a stall when the policy never starts a ready step', () => {
    expect(simulate([step('a', 1, 10)], () => [])).toMatchObject({ completed: false, makespanMs: 0 });
  });

  it('refuses a policy that starts a step that is not ready', () => {
    expect(() => simulate([step('a', 1, 10), step('b', 1, 10, ['a'])], () => ['b'])).toThrow(/not ready/);
  });
});

describe('optimumSchedule', () => {
  it('finds the seed-shaped optimum: the heavy build and the cluster can never overlap', () => {
    const steps = [
      step('cluster', 1, 50),
      step('b1', 1, 20),
      step('b2', 2, 60),
      step('b3', 1, 20),
      step('l1', 1, 5, ['cluster', 'b1']),
      step('l2', 1, 10, ['cluster', 'b2']),
      step('l3', 1, 5, ['cluster', 'b3']),
      step('deploy', 0, 20, ['l1', 'l2', 'l3']),
    ];
    const result = optimumSchedule(steps, { crashAbove: 2, restartMs: 10 });
    expect(result.makespanMs).toBe(140);
    expect(result.crashes).toBe(0);
  });

  it('is never worse than tarmac admission and never better than a valid schedule allows (random instances)', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let trial = 0; trial < 25; trial += 1) {
      const steps: SimStep[] = [];
      for (let i = 0; i < 6; i += 1) {
        const deps = steps.filter(() => rand(3) === 0).map((s) => s.id);
        steps.push(step(`s${i}`, rand(3), 10 * (1 + rand(6)), deps));
      }
      const opt = optimumSchedule(steps, { crashAbove: 2, restartMs: 10 });
      // tarmac's prediction (the scheduler's order and admission) is a valid schedule, so it bounds the optimum.
      const nodes = steps.map((s) => ({ id: s.id, deps: s.deps, estimateMs: s.durationMs }));
      const priority = computePriorities(nodes, topoOrder(nodes));
      const tarmac = simulateSchedule(
        steps.map((s) => ({
          ...s,
          claims: { engine: s.weight },
          estimateMs: s.durationMs,
          priority: priority.get(s.id)!,
        })),
        2,
      );
      expect(tarmac.peakWeight).toBeLessThanOrEqual(2);
      expect(opt.makespanMs).toBeLessThanOrEqual(tarmac.makespanMs);
      // The optimum's schedule is itself valid: dependencies respected, engine never above 2 in a crash-free schedule.
      const done = opt.spans.filter((s) => s.outcome === 'done');
      expect(done).toHaveLength(steps.length);
      for (const s of steps)
        for (const d of s.deps) expect(span(done, s.id)!.start).toBeGreaterThanOrEqual(span(done, d)!.end);
      for (const at of done.map((s) => s.start)) {
        const load = done
          .filter((s) => s.start <= at && at < s.end)
          .reduce((sum, s) => sum + steps.find((x) => x.id === s.id)!.weight, 0);
        expect(load).toBeLessThanOrEqual(2);
      }
      expect(Math.max(...done.map((s) => s.end))).toBe(opt.makespanMs);
    }
  });
});
