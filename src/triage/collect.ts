// Runs the evidence collectors in parallel, each under a hard timeout (a timed-out one is retried once, within the
// collection's deadline), records what is still missing as typed facts, and writes their raw output (redacted) to
// <runDir>/evidence/<collector>.txt.
import { mkdir, writeFile } from 'node:fs/promises';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../files/private.js';
import { join } from 'node:path';
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { CommandRunner } from '../exec/types.js';
import type { Redactor } from '../redact/redactor.js';
import { clustersCollector } from './evidence/clusters.js';
import { connectionsCollector } from './evidence/connections.js';
import { memoEngineHealth, memoEngineInfo, type CollectContext, type Collector } from './evidence/context.js';
import { diskCollector } from './evidence/disk.js';
import { engineCollector } from './evidence/engine.js';
import { kindLogsCollector } from './evidence/kind-logs.js';
import { machineCollector } from './evidence/machine.js';
import { memoryCollector } from './evidence/memory.js';
import { portsCollector } from './evidence/ports.js';
import { workloadsCollector } from './evidence/workloads.js';
import { missingFact } from './missing-evidence.js';
import type { CollectorRun, Evidence } from './types.js';
import { evidenceDir } from '../journal/run-dir.js';

/** Each collector's hard timeout unless it sets its own. */
export const DEFAULT_COLLECTOR_TIMEOUT_MS = 6_000;

/**
 * The whole collection's deadline from its start. Why 11 s: a timed-out collector's retry must end inside it, so
 * the verdict (journal read, rules, triage.json) still comes within the 15-second budget after the failure.
 */
export const COLLECT_DEADLINE_MS = 11_000;

/** A retry with less time left than this (or than the first budget) is not started: it would only delay the verdict. */
export const MIN_RETRY_MS = 2_000;

/** Every collector, in the order of the evidence. */
export const ALL_COLLECTORS: Collector<unknown>[] = [
  engineCollector,
  machineCollector,
  connectionsCollector,
  clustersCollector,
  portsCollector,
  diskCollector,
  memoryCollector,
  workloadsCollector,
  kindLogsCollector,
] as Collector<unknown>[];

export interface CollectOptions {
  runner: CommandRunner;
  engine?: ContainerEngine;
  env?: Env;
  /** The other clusters of the env's suite (see CollectContext.siblings). */
  siblings?: Env[];
  /** The env's target (see targetType); defaults to podman. */
  target?: 'kind' | 'podman';
  processEnv: NodeJS.ProcessEnv;
  /** Where evidence/<collector>.txt (and kind-logs/) go. */
  runDir?: string;
  /** The run failed: `kind export logs` is taken. */
  runFailed?: boolean;
  signal: AbortSignal;
  redact: Redactor;
  /** Per-collector timeout (default 6 s). */
  timeoutMs?: number;
  /** The collection's deadline, retries included (default COLLECT_DEADLINE_MS). */
  deadlineMs?: number;
  /** Replaces the collector set (tests). */
  collectors?: Collector<unknown>[];
  now?: () => number;
}

/** Runs every applicable collector at once; resolves when all finished or timed out (never rejects). */
export async function collectEvidence(opts: CollectOptions): Promise<Evidence> {
  const now = opts.now ?? Date.now;
  const done = new AbortController();
  const scope = AbortSignal.any([opts.signal, done.signal]);
  const ctx: CollectContext = {
    runner: opts.runner,
    ...(opts.engine ? { engine: opts.engine } : {}),
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.siblings?.length ? { siblings: opts.siblings } : {}),
    target: opts.target ?? 'podman',
    processEnv: opts.processEnv,
    ...(opts.runDir ? { runDir: opts.runDir } : {}),
    runFailed: opts.runFailed ?? false,
    engineInfo: memoEngineInfo(opts.engine, scope),
    engineHealth: memoEngineHealth(opts.engine, scope),
  };
  const collectors = (opts.collectors ?? ALL_COLLECTORS).filter((c) => c.applies(ctx));
  const deadline = now() + (opts.deadlineMs ?? COLLECT_DEADLINE_MS);
  const attempt = (c: Collector<unknown>, budgetMs: number) => runOne(c, ctx, scope, budgetMs, opts.redact, now);
  try {
    const runs = await Promise.all(
      collectors.map((c) =>
        withRetry(c, c.timeoutMs ?? opts.timeoutMs ?? DEFAULT_COLLECTOR_TIMEOUT_MS, deadline, scope, now, attempt),
      ),
    );
    if (opts.runDir) await writeRaw(opts.runDir, runs);
    const evidence: Evidence = { collectedAt: now() };
    for (const run of runs) (evidence as unknown as Record<string, CollectorRun<unknown>>)[run.name] = run;
    const missing = runs.filter((r) => !r.ok).map(missingFact);
    if (missing.length > 0) evidence.missing = missing;
    return evidence;
  } finally {
    // Stops whatever a collector left running (a shared `info` nobody waits for any more).
    done.abort();
  }
}

/**
 * A collector, and once more with a fresh budget when it timed out or failed (a loaded machine starves a collector,
 * or one of its own calls, e.g. `kubectl get pods` under its 4 s limit, now and then; the verdict must not hinge on
 * that, and a failure that is real fails again at once). The retry's budget is what is left before the deadline, at most the
 * first one's; none is started with too little left (MIN_RETRY_MS) or after the collection was aborted.
 */
async function withRetry(
  collector: Collector<unknown>,
  timeoutMs: number,
  deadline: number,
  scope: AbortSignal,
  now: () => number,
  attempt: (c: Collector<unknown>, budgetMs: number) => Promise<CollectorRun<unknown>>,
): Promise<CollectorRun<unknown>> {
  const first = await attempt(collector, timeoutMs);
  const retryMs = Math.min(timeoutMs, deadline - now());
  if (first.ok || scope.aborted || retryMs < Math.min(MIN_RETRY_MS, timeoutMs))
    return { ...first, attempts: 1, budgetMs: timeoutMs };
  const second = await attempt(collector, retryMs);
  return {
    ...second,
    durationMs: first.durationMs + second.durationMs,
    attempts: 2,
    budgetMs: timeoutMs + retryMs,
    ...(second.ok ? {} : { error: `${first.error ?? 'failed'}; on a retry: ${second.error ?? 'failed'}` }),
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** One collector under its own timeout; a collector that ignores its signal is still cut off. */
async function runOne(
  collector: Collector<unknown>,
  ctx: CollectContext,
  parent: AbortSignal,
  timeoutMs: number,
  redact: Redactor,
  now: () => number,
): Promise<CollectorRun<unknown>> {
  const started = now();
  const controller = new AbortController();
  const signal = AbortSignal.any([parent, controller.signal]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`collector ${collector.name} timed out`));
      resolve('timeout');
    }, timeoutMs);
  });
  const base = { name: collector.name };
  try {
    const outcome = await Promise.race([collector.collect(ctx, signal), timeout]);
    const durationMs = now() - started;
    if (outcome === 'timeout')
      return {
        ...base,
        ok: false,
        timedOut: true,
        durationMs,
        raw: '',
        error: `no answer within ${seconds(timeoutMs)}`,
      };
    return { ...base, ok: true, timedOut: false, durationMs, data: outcome.data, raw: redact(outcome.raw) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      ok: false,
      timedOut: false,
      durationMs: now() - started,
      raw: '',
      error: redact(message.split('\n')[0] ?? message),
    };
  } finally {
    clearTimeout(timer);
  }
}

async function writeRaw(runDir: string, runs: CollectorRun<unknown>[]): Promise<void> {
  const dir = evidenceDir(runDir);
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await Promise.all(
    runs.map((run) => {
      const head = run.ok ? '' : `# ${run.timedOut ? 'timed out' : 'failed'}: ${run.error ?? ''}\n`;
      return writeFile(join(dir, `${run.name}.txt`), `${head}${run.raw}`, { mode: PRIVATE_FILE_MODE });
    }),
  );
}
