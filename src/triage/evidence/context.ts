// What every evidence collector gets: the process boundary, the engine and env when known, the run dir, and a
// shared, memoised `podman info` (engine and disk both need it; it runs once).
import type { Env } from '../../config/types.js';
import type { ContainerEngine, EngineHealth, EngineInfo } from '../../engines/types.js';
import type { CommandRunner } from '../../exec/types.js';

export interface CollectContext {
  runner: CommandRunner;
  /** The engine tarmac uses; absent when none could even be constructed (no binary). */
  engine?: ContainerEngine;
  /** The env when a config was loaded; without it only engine, machine, connections, disk and memory apply. */
  env?: Env;
  /** The other clusters of a multi-cluster suite: the clusters and workloads collectors read them too. */
  siblings?: Env[];
  /** Which target the env runs on (kind when configured or installed, else podman pods). */
  target?: 'kind' | 'podman';
  processEnv: NodeJS.ProcessEnv;
  /** The run dir of a run being triaged (`kind export logs` writes under it). */
  runDir?: string;
  /** The run failed: only then is `kind export logs` taken. */
  runFailed: boolean;
  /** `engine.info()` once for all collectors; rejects with the engine's error. */
  engineInfo(): Promise<EngineInfo>;
  /** `engine.health()` once for all collectors (probe limit ENGINE_PROBE_MS). */
  engineHealth(): Promise<EngineHealth>;
}

/** What one collector returns: its typed facts and the raw text it read. */
export interface Collected<T> {
  data: T;
  raw: string;
}

/** One collector: runs under the given signal (aborted at its timeout) and returns facts plus raw output. */
export interface Collector<T> {
  name: string;
  /** Hard timeout in ms (default from collect options). */
  timeoutMs?: number;
  /** Whether it applies in this context (e.g. clusters need an env); one that does not is left out of the evidence. */
  applies(ctx: CollectContext): boolean;
  collect(ctx: CollectContext, signal: AbortSignal): Promise<Collected<T>>;
}

/** A memoised `info()` of the engine (undefined engine: a rejected promise). */
export function memoEngineInfo(engine: ContainerEngine | undefined, signal: AbortSignal): () => Promise<EngineInfo> {
  let pending: Promise<EngineInfo> | undefined;
  return () => {
    pending ??= engine ? engine.info(signal) : Promise.reject(new Error('no container engine'));
    // Why: a caller that gave up waiting must not turn an unobserved rejection into a crash.
    pending.catch(() => undefined);
    return pending;
  };
}

/** The health probe's own limit: shorter than a collector's, so a hung engine is reported as `hung`, not lost. */
export const ENGINE_PROBE_MS = 4_000;

/** A memoised `health()` of the engine (undefined engine: not ok), probed once more when the first timed out. */
export function memoEngineHealth(
  engine: ContainerEngine | undefined,
  signal: AbortSignal,
): () => Promise<EngineHealth> {
  let pending: Promise<EngineHealth> | undefined;
  return () =>
    (pending ??= engine
      ? probeTwiceIfSilent(engine, signal)
      : Promise.resolve({ ok: false, detail: 'no container engine', durationMs: 0 }));
}

// Why a second probe: one probe's silence is not proof of a hung engine. On a machine starved by another CPU-heavy
// job, a live engine (a podman service just restarted, say) can miss the limit once, and the verdict would then say
// "hung" and skip every collector that needs the engine. A hung engine is silent twice, so it is still called hung,
// within ENGINE_PROBE_MS twice (the engine collector's budget allows for it). A refusal is final at once.
async function probeTwiceIfSilent(engine: ContainerEngine, signal: AbortSignal): Promise<EngineHealth> {
  const first = await engine.health(ENGINE_PROBE_MS, signal);
  if (first.ok || first.timedOut !== true || signal.aborted) return first;
  const second = await engine.health(ENGINE_PROBE_MS, signal);
  return second.ok ? second : { ...second, durationMs: first.durationMs + second.durationMs };
}

/**
 * Throws unless the engine answered its health probe. Why: collectors that query the engine (clusters, workloads,
 * ports) would otherwise each hang until their own timeout when it is wedged; this ends them with the probe.
 */
export async function requireEngine(ctx: CollectContext): Promise<void> {
  const health = await ctx.engineHealth();
  if (!health.ok) throw new Error(`not checked: the engine does not answer (${health.detail})`);
}
