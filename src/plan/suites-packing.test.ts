import { describe, expect, it } from 'vitest';
import { simulatePlan } from './suites-predict.js';
import {
  bestPacking,
  greedyPacking,
  MAX_EXHAUSTIVE_SUITES,
  suiteBlocks,
  suitesPacking,
  type Packing,
  type SuiteBlock,
} from './suites-packing.js';
import { planSuites } from './suites-plan.js';
import { GiB, suitesEnv } from './suites.test-kit.js';

const block = (suite: string, gib: number, holdMs: number, releaseMs = 0): SuiteBlock => ({
  suite,
  bytes: gib * GiB,
  holdMs,
  releaseMs,
});

/** Every order placed greedily, the plain way (no pruning): what the search must match. */
function packingByEveryOrder(blocks: SuiteBlock[], budget: number): number {
  const orders = (xs: SuiteBlock[]): SuiteBlock[][] =>
    xs.length <= 1 ? [xs] : xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((o) => [x, ...o]));
  let best = Infinity;
  for (const order of orders(blocks)) {
    const placed: { b: SuiteBlock; start: number }[] = [];
    const use = (t: number): number =>
      placed.filter((p) => p.start <= t && p.start + p.b.holdMs > t).reduce((a, p) => a + p.b.bytes, 0);
    for (const b of order) {
      const times = [b.releaseMs, ...placed.map((p) => p.start + p.b.holdMs)].filter((t) => t >= b.releaseMs);
      const fits = (t: number): boolean => {
        const over = placed.filter((p) => p.start < t + b.holdMs && p.start + p.b.holdMs > t);
        if (b.bytes > budget || over.some((p) => p.b.bytes > budget)) return over.length === 0;
        return [t, ...over.map((p) => p.start).filter((s) => s > t)].every((c) => use(c) + b.bytes <= budget);
      };
      placed.push({ b, start: Math.min(...times.filter(fits)) });
    }
    best = Math.min(best, Math.max(...placed.map((p) => p.start + p.b.holdMs)));
  }
  return best;
}

describe('bestPacking', () => {
  it('packs blocks into the budget: two at a time, and a long one beside the short ones', () => {
    expect(bestPacking([block('a', 5, 10), block('b', 5, 10), block('c', 5, 10)], 10 * GiB)?.makespanMs).toBe(20);
    const packing = bestPacking([block('a', 6, 10), block('b', 6, 10), block('c', 4, 20)], 10 * GiB)!;
    expect(packing.makespanMs).toBe(20);
    expect(packing.starts.get('c')).toBe(0);
  });

  it('waits for a block’s release, and runs a block bigger than the budget alone', () => {
    expect(bestPacking([block('late', 1, 5, 30)], 10 * GiB)?.makespanMs).toBe(35);
    const packing = bestPacking([block('huge', 12, 5), block('small', 2, 5)], 10 * GiB)!;
    expect(packing.makespanMs).toBe(10);
  });

  it('finds what trying every order finds (the pruned search loses nothing)', () => {
    let seed = 11;
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 30; round++) {
      const blocks = Array.from({ length: 2 + Math.floor(rand() * 4) }, (_, i) =>
        block(`s${i}`, 1 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 20), Math.floor(rand() * 3) * 5),
      );
      const budget = (4 + Math.floor(rand() * 6)) * GiB;
      expect(bestPacking(blocks, budget)?.makespanMs).toBe(packingByEveryOrder(blocks, budget));
    }
  });

  it('searches no more than MAX_EXHAUSTIVE_SUITES blocks', () => {
    const many = Array.from({ length: MAX_EXHAUSTIVE_SUITES + 1 }, (_, i) => block(`s${i}`, 1, 1));
    expect(bestPacking(many, 4 * GiB)).toBeUndefined();
  });

  it('is a lower bound: no planned run of the suites ends sooner', () => {
    let seed = 5;
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // Whole milliseconds: the bound and the simulation then add up the same numbers exactly.
    for (let round = 0; round < 25; round++) {
      const names = Array.from({ length: 2 + Math.floor(rand() * 5) }, (_, i) => `s${i}`);
      const sketches = names.map((name, i) => ({
        name,
        images: i % 2 === 0 ? ['api'] : ['api', 'web'],
        memoryBytes: Math.ceil(1 + rand() * 4) * GiB,
      }));
      const budget = (4 + Math.floor(rand() * 6)) * GiB;
      const env = suitesEnv(['api', 'web'], sketches, { memoryBytes: budget, capacity: 1 + Math.floor(rand() * 3) });
      const durations = new Map([
        ['build:api', Math.round(1000 + rand() * 60_000)],
        ['build:web', Math.round(1000 + rand() * 60_000)],
        ...names.map((n) => [`test:${n}`, Math.round(1000 + rand() * 300_000)] as const),
      ]);
      const { plan, footprints } = planSuites(env, {
        target: 'kind',
        cachedImages: new Set(),
        withTest: true,
        suites: names,
        durations,
      });
      const bound = bestPacking(suiteBlocks(plan.steps, footprints), budget)!.makespanMs;
      expect(bound).toBeLessThanOrEqual(simulatePlan(plan, env.capacity).makespanMs);
    }
  });
});

/** Whether a packing keeps every block from its release, for its whole hold, within the budget at every start. */
function validPacking(blocks: readonly SuiteBlock[], packing: Packing, budget: number): boolean {
  const spans = blocks.map((b) => ({
    b,
    start: packing.starts.get(b.suite)!,
    end: packing.starts.get(b.suite)! + b.holdMs,
  }));
  if (spans.some((s) => s.start === undefined || Number.isNaN(s.start) || s.start < s.b.releaseMs)) return false;
  if (Math.max(...spans.map((s) => s.end)) !== packing.makespanMs) return false;
  return spans.every((at) => {
    const running = spans.filter((s) => s.start <= at.start && s.end > at.start);
    return running.length === 1 || running.reduce((a, s) => a + s.b.bytes, 0) <= budget;
  });
}

describe('greedyPacking (more suites than the exhaustive search takes)', () => {
  const seeded = (seed: number) => (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const randomBlocks = (rand: () => number, n: number): SuiteBlock[] =>
    Array.from({ length: n }, (_, i) =>
      block(`s${i}`, 1 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 20), Math.floor(rand() * 3) * 5),
    );

  it('packs 15 suites (the seed project has 15) validly, where the exhaustive search gives up', () => {
    const rand = seeded(11);
    for (let round = 0; round < 20; round++) {
      const blocks = randomBlocks(rand, 15);
      const budget = (6 + Math.floor(rand() * 6)) * GiB;
      expect(bestPacking(blocks, budget)).toBeUndefined();
      const packing = suitesPacking(blocks, budget)!;
      expect(packing.order).toHaveLength(15);
      expect(validPacking(blocks, packing, budget)).toBe(true);
    }
  });

  it('is never better than the optimum, and stays within 1.5x of it where the optimum can be searched', () => {
    const rand = seeded(3);
    const ratios: number[] = [];
    for (let round = 0; round < 40; round++) {
      const blocks = randomBlocks(rand, 2 + Math.floor(rand() * 5));
      const budget = (4 + Math.floor(rand() * 6)) * GiB;
      const greedy = greedyPacking(blocks, budget)!;
      const best = bestPacking(blocks, budget)!;
      expect(validPacking(blocks, greedy, budget)).toBe(true);
      expect(greedy.makespanMs).toBeGreaterThanOrEqual(best.makespanMs);
      ratios.push(greedy.makespanMs / best.makespanMs);
    }
    expect(Math.max(...ratios)).toBeLessThanOrEqual(1.5);
  });

  it('uses the exhaustive search up to MAX_EXHAUSTIVE_SUITES suites', () => {
    const blocks = randomBlocks(seeded(7), MAX_EXHAUSTIVE_SUITES);
    expect(suitesPacking(blocks, 8 * GiB)).toEqual(bestPacking(blocks, 8 * GiB));
  });
});
