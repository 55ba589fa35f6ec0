// Which ready steps to start now: highest priority first, with backfilling that never delays the blocked head.
// The scheduler (src/orchestrate/scheduler.ts) and the simulation (simulate.ts) both decide through this file.

/** Whether a claim can be admitted now: it fits in the free units, or it is over capacity and nothing else runs. */
export function fits(claim: number, inUse: number, capacity: number): boolean {
  if (claim <= 0) return true;
  if (inUse + claim <= capacity) return true;
  // A step heavier than the whole engine would never fit; it runs alone instead.
  return claim > capacity && inUse === 0;
}

/** What ordering and admission read of a step (a Plan's `Step` fits). */
export interface Admissible {
  id: string;
  priority: number;
  claims: { engine: number };
  estimateMs: number;
}

/** The order ready steps are considered in: higher priority, then heavier claim, then earlier in the plan. */
export function readyOrder(rank: ReadonlyMap<string, number>): (a: Admissible, b: Admissible) => number {
  return (a, b) =>
    b.priority - a.priority || b.claims.engine - a.claims.engine || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0);
}

/** The ready steps to start now, in start order: sorted by `readyOrder`, then admitted by `admit`. */
export function stepsToStart<S extends Admissible>(
  ready: readonly S[],
  holders: readonly Holder[],
  capacity: number,
  now: number,
  rank: ReadonlyMap<string, number>,
): S[] {
  const sorted = [...ready].sort(readyOrder(rank));
  const byId = new Map(sorted.map((s) => [s.id, s]));
  const candidates = sorted.map((s) => ({ id: s.id, claim: s.claims.engine, estimateMs: s.estimateMs }));
  return admit(candidates, holders, capacity, now).map((id) => byId.get(id)!);
}

/** A ready step as admission sees it; candidates come sorted, highest priority first. */
export interface Candidate {
  id: string;
  claim: number;
  estimateMs: number;
}

/** A step that holds units now, and when it is expected to give them back. */
export interface Holder {
  claim: number;
  expectedEndAt: number;
}

/**
 * Returns the ids of the candidates to start now, in order. A candidate that fits starts, unless an earlier
 * (higher-priority) candidate is blocked: then it starts only if it would end before the blocked one can
 * start (by the estimates) or uses units the blocked one will leave free ("EASY backfilling"). Without this,
 * a stream of small builds could keep a heavy one waiting until last, which is the opposite of the goal.
 */
export function admit(
  candidates: readonly Candidate[],
  holders: readonly Holder[],
  capacity: number,
  now: number,
): string[] {
  const held: Holder[] = holders.map((h) => ({ claim: h.claim, expectedEndAt: Math.max(now, h.expectedEndAt) }));
  let inUse = held.reduce((sum, h) => sum + Math.max(0, h.claim), 0);
  let reservation: { at: number; spare: number } | undefined;
  const started: string[] = [];
  for (const candidate of candidates) {
    if (!fits(candidate.claim, inUse, capacity)) {
      reservation ??= reserve(candidate.claim, held, inUse, capacity, now);
      continue;
    }
    const endsBy = now + candidate.estimateMs;
    if (reservation && endsBy > reservation.at) {
      if (candidate.claim > reservation.spare) continue;
      reservation.spare -= candidate.claim;
    }
    started.push(candidate.id);
    inUse += Math.max(0, candidate.claim);
    held.push({ claim: candidate.claim, expectedEndAt: endsBy });
  }
  return started;
}

/** When a blocked claim can start (as holders end by their estimates), and the units it leaves free then. */
function reserve(
  claim: number,
  held: readonly Holder[],
  inUse: number,
  capacity: number,
  now: number,
): { at: number; spare: number } {
  let used = inUse;
  let at = now;
  for (const holder of held.filter((h) => h.claim > 0).sort((a, b) => a.expectedEndAt - b.expectedEndAt)) {
    if (fits(claim, used, capacity)) break;
    used -= Math.max(0, holder.claim);
    at = Math.max(at, holder.expectedEndAt);
  }
  const spare = claim > capacity ? 0 : Math.max(0, capacity - used - claim);
  return { at, spare };
}
