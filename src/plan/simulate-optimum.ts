// The best possible makespan of a small instance, proved by exhaustion: branch and bound over every event-driven
// schedule. Why event-driven schedules suffice: in any schedule, a step can be moved earlier until it meets time 0,
// a dependency's end or another step's end (the engine load only drops at ends), so some optimal schedule starts
// every step at 0, at a step's end, or when a crashed engine is back; at each such instant the search tries every
// subset of the ready steps, including the empty one (wait) and subsets that overload the engine and crash it.
import { computePriorities } from './priorities.js';
import type { CrashSimStep as SimStep, SimSpan } from './simulate-crash.js';

/** The failure model, as in `simulate`. */
export interface OptimumOptions {
  crashAbove?: number;
  restartMs?: number;
  /** Crashes allowed on one path of the search (default 3; every crash only loses work and time). */
  maxCrashes?: number;
}

/** The optimum and its proof's size. */
export interface OptimumResult {
  makespanMs: number;
  /** One schedule reaching the optimum. */
  spans: SimSpan[];
  crashes: number;
  /** Search nodes visited; every event-driven schedule not visited was cut by a lower bound. */
  nodes: number;
}

interface Run {
  id: string;
  weight: number;
  start: number;
  end: number;
}
interface State {
  now: number;
  done: ReadonlySet<string>;
  running: readonly Run[];
  engineUpAt: number;
  spans: readonly SimSpan[];
  crashes: number;
}

/** Exhaustive minimum makespan; exponential in the number of ready steps, meant for instances of about ten steps. */
export function optimumSchedule(steps: readonly SimStep[], options: OptimumOptions = {}): OptimumResult {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const order = topo(steps);
  const tailAndSelf = computePriorities(
    steps.map((s) => ({ id: s.id, deps: s.deps, estimateMs: s.durationMs })),
    order,
  );
  const tailAfter = (id: string): number => tailAndSelf.get(id)! - byId.get(id)!.durationMs;
  const restartMs = options.restartMs ?? 0;
  const maxCrashes = options.maxCrashes ?? 3;
  let best: OptimumResult = { makespanMs: Infinity, spans: [], crashes: 0, nodes: 0 };
  let nodes = 0;

  const lowerBound = (s: State): number => {
    let lb = s.now;
    for (const r of s.running) lb = Math.max(lb, r.end + tailAfter(r.id));
    let work = s.running.reduce((sum, r) => sum + r.weight * (r.end - s.now), 0);
    for (const step of steps) {
      if (s.done.has(step.id) || s.running.some((r) => r.id === step.id)) continue;
      lb = Math.max(lb, (step.weight > 0 ? Math.max(s.now, s.engineUpAt) : s.now) + tailAndSelf.get(step.id)!);
      work += step.weight * step.durationMs;
    }
    // The engine does at most crashAbove units of useful work at a time: more crashes it and loses the work.
    if (options.crashAbove !== undefined && options.crashAbove > 0)
      lb = Math.max(lb, s.now + work / options.crashAbove);
    return lb;
  };

  const explore = (s: State): void => {
    nodes += 1;
    if (s.done.size === steps.length) {
      if (s.now < best.makespanMs) best = { makespanMs: s.now, spans: [...s.spans], crashes: s.crashes, nodes: 0 };
      return;
    }
    if (lowerBound(s) >= best.makespanMs) return;
    const ready = steps
      .filter((x) => !s.done.has(x.id) && !s.running.some((r) => r.id === x.id) && x.deps.every((d) => s.done.has(d)))
      .filter((x) => x.weight === 0 || s.now >= s.engineUpAt);
    const subsets: SimStep[][] = [];
    for (let mask = (1 << ready.length) - 1; mask >= 0; mask -= 1)
      subsets.push(ready.filter((_, i) => (mask & (1 << i)) !== 0));
    const load = (set: readonly SimStep[]): number =>
      s.running.reduce((a, r) => a + r.weight, 0) + set.reduce((a, x) => a + x.weight, 0);
    const crashes = (set: readonly SimStep[]): boolean =>
      options.crashAbove !== undefined && load(set) > options.crashAbove;
    // Crash-free and larger subsets first: a good schedule early makes the bound cut more.
    subsets.sort((a, b) => Number(crashes(a)) - Number(crashes(b)) || b.length - a.length);
    for (const set of subsets) {
      const child = step(s, set, crashes(set));
      if (child) explore(child);
    }
  };

  const step = (s: State, set: readonly SimStep[], crash: boolean): State | undefined => {
    let running: Run[] = [
      ...s.running,
      ...set.map((x) => ({ id: x.id, weight: x.weight, start: s.now, end: s.now + x.durationMs })),
    ];
    let spans = [...s.spans];
    let engineUpAt = s.engineUpAt;
    let crashCount = s.crashes;
    if (crash) {
      if (crashCount + 1 > maxCrashes) return undefined;
      crashCount += 1;
      spans = [
        ...spans,
        ...running
          .filter((r) => r.weight > 0)
          .map((r) => ({ id: r.id, start: r.start, end: s.now, outcome: 'crashed' as const })),
      ];
      running = running.filter((r) => r.weight === 0);
      engineUpAt = s.now + restartMs;
    }
    const next = Math.min(...running.map((r) => r.end), engineUpAt > s.now ? engineUpAt : Infinity);
    // Waiting with nothing running and the engine up never ends: not a schedule.
    if (next === Infinity) return undefined;
    const done = new Set(s.done);
    for (const r of running.filter((x) => x.end <= next)) {
      done.add(r.id);
      spans.push({ id: r.id, start: r.start, end: r.end, outcome: 'done' });
    }
    return { now: next, done, running: running.filter((x) => x.end > next), engineUpAt, spans, crashes: crashCount };
  };

  explore({ now: 0, done: new Set(), running: [], engineUpAt: 0, spans: [], crashes: 0 });
  return { ...best, nodes };
}

/** Kahn's order; throws on a cycle or an unknown dependency. */
function topo(steps: readonly SimStep[]): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < steps.length) {
    const next = steps.find((s) => !placed.has(s.id) && s.deps.every((d) => placed.has(d)));
    if (!next) throw new Error('optimumSchedule: the steps have a cycle or an unknown dependency');
    placed.add(next.id);
    order.push(next.id);
  }
  return order;
}
