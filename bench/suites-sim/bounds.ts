// Lower bounds on any schedule of a suites plan: the longest dependency chain, the engine work over the capacity,
// memory-time over the budget (a suite bigger than it runs alone: it counts as the whole budget), and (up to MAX_EXHAUSTIVE_SUITES suites) the best packing of the suites' memory
// blocks with their earliest starts (src/plan/suites-packing.ts, which says why it is a bound).
import { bestPacking, suiteBlocks } from '../../src/plan/suites-packing.js';
import type { Plan } from '../../src/plan/types.js';

export interface Bounds {
  chain: number;
  engineWork: number;
  memoryTime: number;
  /** Undefined when there are too many suites to search every order. */
  packing: number | undefined;
}

/** Every bound, in ms. */
export function lowerBounds(plan: Plan, capacity: number, footprints: Map<string, number>, budget: number): Bounds {
  const plain = plan.steps.map((s) => ({ ...s, after: [] }));
  const blocks = suiteBlocks(plain, footprints);
  const longestTo = new Map<string, number>();
  for (const s of plain) longestTo.set(s.id, s.estimateMs + Math.max(0, ...s.deps.map((d) => longestTo.get(d)!)));
  const chain = Math.max(...longestTo.values());
  const engineWork = plain.reduce((sum, s) => sum + s.estimateMs * s.claims.engine, 0) / capacity;
  const memoryTime = blocks.reduce((sum, b) => sum + (Math.min(b.bytes, budget) * b.holdMs) / budget, 0);
  return { chain, engineWork, memoryTime, packing: bestPacking(blocks, budget)?.makespanMs };
}

/** The highest of the bounds. */
export function bestBound(b: Bounds): number {
  return Math.max(b.chain, b.engineWork, b.memoryTime, b.packing ?? 0);
}
