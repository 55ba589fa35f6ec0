// Suites as blocks of memory over time: each holds its footprint for at least its own longest chain (its cluster,
// deliveries, deploys and tests), and cannot end before its longest chain through the builds it needs. Packing
// these blocks into the memory budget, ignoring the engine, is a relaxation of the real run: any schedule of the
// plan gives a packing that ends no later (shrink each suite's hold to its chain, ending where it ended; memory in
// use only goes down). So the best packing is a lower bound on any schedule, and its start order is a good order
// to try for the suites. Pure.
import type { Step } from './types.js';

/** One suite as the packing sees it. */
export interface SuiteBlock {
  suite: string;
  bytes: number;
  /** The shortest time it holds its memory: its own longest chain of steps. */
  holdMs: number;
  /** The earliest it can start holding: its earliest end (chain through the builds) less its hold. */
  releaseMs: number;
}

/** A packing: when each suite starts, and when the last one ends. */
export interface Packing {
  makespanMs: number;
  /** Suites by start time (ties: as listed). */
  order: string[];
  starts: Map<string, number>;
}

/** Beyond this many suites, the search over every start order (n!) is not made. */
export const MAX_EXHAUSTIVE_SUITES = 6;

/** Each suite's block, from the plan's steps (estimates) and the suites' footprints. */
export function suiteBlocks(steps: readonly Step[], footprints: ReadonlyMap<string, number>): SuiteBlock[] {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const longestTo = new Map<string, number>();
  const ownTo = new Map<string, number>();
  // Plan steps come in topological order; `after` edges are left out (they are one plan's choice, not a need).
  for (const s of steps) {
    longestTo.set(s.id, s.estimateMs + Math.max(0, ...s.deps.map((d) => longestTo.get(d) ?? 0)));
    const own = s.deps.filter((d) => s.suite !== undefined && byId.get(d)?.suite === s.suite);
    ownTo.set(s.id, s.estimateMs + Math.max(0, ...own.map((d) => ownTo.get(d) ?? 0)));
  }
  return [...footprints].map(([suite, bytes]) => {
    const own = steps.filter((s) => s.suite === suite);
    const holdMs = Math.max(0, ...own.map((s) => ownTo.get(s.id)!));
    const endMs = Math.max(0, ...own.map((s) => longestTo.get(s.id)!));
    return { suite, bytes, holdMs, releaseMs: Math.max(0, endMs - holdMs) };
  });
}

/**
 * The best packing of the blocks into `budgetBytes` (a block bigger than the budget runs alone): every start order
 * is placed greedily, each block at its earliest fitting time; over all orders this finds an optimal packing
 * (every active schedule comes from some order). The orders are searched depth first, sharing placed prefixes and
 * cutting a branch once it cannot beat the best found. Undefined above MAX_EXHAUSTIVE_SUITES blocks.
 */
export function bestPacking(blocks: readonly SuiteBlock[], budgetBytes: number): Packing | undefined {
  if (blocks.length > MAX_EXHAUSTIVE_SUITES) return undefined;
  let best: { makespanMs: number; placed: Placed[] } | undefined;
  const placed: Placed[] = [];
  const search = (remaining: readonly SuiteBlock[], makespanMs: number): void => {
    if (remaining.length === 0) {
      if (!best || makespanMs < best.makespanMs) best = { makespanMs, placed: [...placed] };
      return;
    }
    // Blocks alike in every respect lead to the same packings: place one of each kind first.
    const tried = new Set<string>();
    for (const [i, block] of remaining.entries()) {
      const kind = `${block.bytes}/${block.holdMs}/${block.releaseMs}`;
      if (tried.has(kind)) continue;
      tried.add(kind);
      const start = earliestFit(placed, block, budgetBytes);
      const end = Math.max(makespanMs, start + block.holdMs);
      if (best && end >= best.makespanMs) continue;
      placed.push({ block, start, end: start + block.holdMs });
      search([...remaining.slice(0, i), ...remaining.slice(i + 1)], end);
      placed.pop();
    }
  };
  search(blocks, 0);
  return best ? asPacking(best) : undefined;
}

/**
 * A good packing when there are too many suites to search every order: each block placed greedily at its earliest
 * fit, in each of a few classic list-scheduling orders (longest hold first, largest footprint first, earliest
 * release first, largest memory-time first); the one that ends first. Not a bound: any order gives a valid packing.
 */
export function greedyPacking(blocks: readonly SuiteBlock[], budgetBytes: number): Packing | undefined {
  if (blocks.length === 0) return undefined;
  const orders: ((a: SuiteBlock, b: SuiteBlock) => number)[] = [
    (a, b) => b.holdMs - a.holdMs,
    (a, b) => b.bytes - a.bytes,
    (a, b) => a.releaseMs - b.releaseMs || b.holdMs - a.holdMs,
    (a, b) => b.bytes * b.holdMs - a.bytes * a.holdMs,
  ];
  let best: { makespanMs: number; placed: Placed[] } | undefined;
  for (const order of orders) {
    const placed: Placed[] = [];
    for (const block of [...blocks].sort(order)) {
      const start = earliestFit(placed, block, budgetBytes);
      placed.push({ block, start, end: start + block.holdMs });
    }
    const makespanMs = Math.max(...placed.map((p) => p.end));
    if (!best || makespanMs < best.makespanMs) best = { makespanMs, placed };
  }
  return asPacking(best!);
}

/** The best packing where every order can be searched (bestPacking), else a greedy one (greedyPacking). */
export function suitesPacking(blocks: readonly SuiteBlock[], budgetBytes: number): Packing | undefined {
  return blocks.length > MAX_EXHAUSTIVE_SUITES ? greedyPacking(blocks, budgetBytes) : bestPacking(blocks, budgetBytes);
}

function asPacking(best: { makespanMs: number; placed: readonly Placed[] }): Packing {
  const byStart = [...best.placed].sort((a, b) => a.start - b.start);
  return {
    makespanMs: best.makespanMs,
    order: byStart.map((p) => p.block.suite),
    starts: new Map(byStart.map((p) => [p.block.suite, p.start])),
  };
}

interface Placed {
  block: SuiteBlock;
  start: number;
  end: number;
}

/** The earliest time from its release at which `block` fits beside the placed ones (a placed end, or the release). */
function earliestFit(placed: readonly Placed[], block: SuiteBlock, budget: number): number {
  const times = [block.releaseMs, ...placed.map((p) => p.end).filter((t) => t > block.releaseMs)].sort((a, b) => a - b);
  // The last placed end always fits (nothing runs after it), so the search ends.
  return times.find((t) => fitsAt(placed, block, t, budget)) ?? Math.max(block.releaseMs, ...placed.map((p) => p.end));
}

/** Whether `block` fits from `t` for its whole hold: memory use only rises where a placed block starts. */
function fitsAt(placed: readonly Placed[], block: SuiteBlock, t: number, budget: number): boolean {
  const end = t + block.holdMs;
  const overlapping = placed.filter((p) => p.start < end && p.end > t);
  // A block bigger than the budget runs alone, as the scheduler's memory gate lets it.
  if (block.bytes > budget) return overlapping.length === 0;
  if (overlapping.some((p) => p.block.bytes > budget)) return false;
  const checkpoints = [t, ...overlapping.map((p) => p.start).filter((s) => s > t)];
  return checkpoints.every(
    (c) =>
      block.bytes + overlapping.filter((p) => p.start <= c && p.end > c).reduce((a, p) => a + p.block.bytes, 0) <=
      budget,
  );
}
