// A discrete-event simulation with an engine that crashes when overloaded: a policy decides which ready steps
// start at each event, on a virtual clock. Used to compare strategies that tarmac would never run (they overload
// the engine); tarmac's own predictions use simulateSchedule (./simulate.ts). Pure: no timers, no processes.

/** A step as this simulator sees it. */
export interface CrashSimStep {
  id: string;
  deps: readonly string[];
  /** Engine units the step holds while it runs (0: not on the engine, e.g. a deploy). */
  weight: number;
  durationMs: number;
}

/** A step that is running in the simulation. */
export interface CrashSimRunning {
  id: string;
  weight: number;
  startedAt: number;
  endsAt: number;
}

/** What a policy sees at a decision point. */
export interface CrashSimView {
  now: number;
  /** Steps whose dependencies are all done and that are neither running nor done, in the given order. */
  ready: readonly CrashSimStep[];
  running: readonly CrashSimRunning[];
  done: ReadonlySet<string>;
}

/** Picks the ids of ready steps to start now; the simulator asks again after every event. */
export type CrashSimPolicy = (view: CrashSimView) => readonly string[];

/** The engine's failure model. */
export interface CrashSimOptions {
  /** The engine crashes at once when the running weight exceeds this; undefined: it never crashes. */
  crashAbove?: number;
  /** Time the engine needs to restart after a crash; no engine step (weight > 0) starts meanwhile. */
  restartMs?: number;
  /** After this many crashes the run is given up (default 3, as tarmac's crash recovery). */
  maxCrashes?: number;
}

/** One attempt of one step. */
export interface SimSpan {
  id: string;
  start: number;
  end: number;
  outcome: 'done' | 'crashed';
}

/** How the simulated run went. */
export interface CrashSimResult {
  /** True when every step finished; false when the run was given up (crashes) or stalled (the policy never starts a ready step). */
  completed: boolean;
  /** When the last step finished (completed) or when the run was given up. */
  makespanMs: number;
  crashes: number;
  spans: SimSpan[];
  /** The largest running engine weight seen, including the moment of a crash. */
  peakWeight: number;
}

/** Runs the steps under the policy on a virtual clock starting at 0. Throws on unknown dependencies or a policy starting a step that is not ready. */
export function simulateWithCrashes(
  steps: readonly CrashSimStep[],
  policy: CrashSimPolicy,
  options: CrashSimOptions = {},
): CrashSimResult {
  const byId = new Map(steps.map((s) => [s.id, s]));
  for (const s of steps)
    for (const d of s.deps)
      if (!byId.has(d)) throw new Error(`simulateWithCrashes: ${s.id} depends on unknown step ${d}`);
  const restartMs = options.restartMs ?? 0;
  const maxCrashes = options.maxCrashes ?? 3;
  const done = new Set<string>();
  const running = new Map<string, CrashSimRunning>();
  const spans: SimSpan[] = [];
  let now = 0;
  let engineUpAt = 0;
  let crashes = 0;
  let peakWeight = 0;
  const weightNow = (): number => [...running.values()].reduce((sum, r) => sum + r.weight, 0);
  while (done.size < steps.length) {
    const ready = steps.filter((s) => !done.has(s.id) && !running.has(s.id) && s.deps.every((d) => done.has(d)));
    for (const id of policy({ now, ready, running: [...running.values()], done })) {
      const step = byId.get(id);
      if (!step || !ready.includes(step) || running.has(id))
        throw new Error(`simulateWithCrashes: the policy started ${id}, which is not ready`);
      // While the engine restarts nothing on it can start; the policy is asked again once it is up.
      if (step.weight > 0 && now < engineUpAt) continue;
      running.set(id, { id, weight: step.weight, startedAt: now, endsAt: now + step.durationMs });
    }
    peakWeight = Math.max(peakWeight, weightNow());
    if (options.crashAbove !== undefined && weightNow() > options.crashAbove) {
      crashes += 1;
      // Every engine step fails and loses its work; steps off the engine (weight 0) keep running.
      for (const r of [...running.values()].filter((x) => x.weight > 0)) {
        spans.push({ id: r.id, start: r.startedAt, end: now, outcome: 'crashed' });
        running.delete(r.id);
      }
      engineUpAt = now + restartMs;
      if (crashes >= maxCrashes) return { completed: false, makespanMs: now, crashes, spans, peakWeight };
    }
    const next = Math.min(...[...running.values()].map((r) => r.endsAt), engineUpAt > now ? engineUpAt : Infinity);
    if (next === Infinity) return { completed: false, makespanMs: now, crashes, spans, peakWeight };
    now = next;
    for (const r of [...running.values()].filter((x) => x.endsAt <= now)) {
      spans.push({ id: r.id, start: r.startedAt, end: r.endsAt, outcome: 'done' });
      running.delete(r.id);
      done.add(r.id);
    }
  }
  return { completed: true, makespanMs: now, crashes, spans, peakWeight };
}
