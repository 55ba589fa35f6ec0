// Creates the cluster with `kind create cluster` under its timeout, verifies readiness itself, and on any
// failure exports kind's logs before deleting what the attempt left behind.
import { chmod, rm } from 'node:fs/promises';
import { CancelledError, ExitCode, TarmacError } from '../../errors/errors.js';
import type { CommandResult } from '../../exec/types.js';
import type { TargetContext } from '../types.js';
import { deleteCluster } from './cluster-delete.js';
import { nodeContainers } from './cluster-status.js';
import { createFailedError, createTimeoutError, type CreateAftermath } from './create-errors.js';
import type { KindDeps } from './kind-deps.js';
import { kindErrorLine, SLOW_MS } from './kind-tools.js';
import { ensurePrivateDir } from './paths.js';
import { kindLogsDir, runDir } from '../../journal/run-dir.js';
import { verifyReady } from './verify-ready.js';
import { writeMarker } from './owner-marker.js';

const ENGINE_PROBE_MS = 10_000;
const ALREADY_EXISTS = /node\(s\) already exist for a cluster with the name/;

/** Creates the cluster and waits until it is ready; returns the readiness summary ("1 node Ready, /readyz ok"). */
export async function createCluster(deps: KindDeps, ctx: TargetContext): Promise<string> {
  // Recorded before kind runs, so the leftovers of a crashed create count as tarmac's and can be cleaned up.
  await deps.records.put({
    name: deps.name,
    env: deps.env.name,
    state: 'creating',
    createdAt: new Date().toISOString(),
    runId: deps.runId,
    tarmacVersion: deps.tarmacVersion,
    nodeIds: [],
  });
  await ensurePrivateDir(deps.kubeconfig);
  await rm(deps.kubeconfig, { force: true });
  const started = performance.now();
  const result = await runCreate(deps, ctx);
  if (!result.ok) return failCreate(deps, ctx, result, result.silentMs);
  await chmod(deps.kubeconfig, 0o600);
  const budgetMs = Math.max(10_000, Math.round(deps.createTimeoutMs - (performance.now() - started)));
  try {
    const summary = await verifyReady(deps, ctx, budgetMs);
    // Marked as this checkout's, so another checkout's `up` of the same cluster name stops instead of reusing it.
    await writeMarker(deps, ctx.signal);
    const nodes = await nodeContainers(deps, ctx.signal);
    await deps.records.put({
      name: deps.name,
      env: deps.env.name,
      state: 'ready',
      createdAt: new Date().toISOString(),
      runId: deps.runId,
      tarmacVersion: deps.tarmacVersion,
      nodeIds: nodes.map((n) => n.id),
    });
    return summary;
  } catch (error) {
    const aftermath = await salvage(deps, ctx.signal);
    if (error instanceof TarmacError) {
      throw new TarmacError(error.code, error.message, {
        exitCode: error.exitCode,
        hint: `${error.hint ?? ''} kind's logs: ${aftermath.logs}.`.trim(),
        details: [...error.details, `(${aftermath.cleanup})`],
        cause: error,
      });
    }
    throw error;
  }
}

/** `kind create cluster` with --retain (so the nodes survive for `kind export logs`), streaming its lines. */
async function runCreate(deps: KindDeps, ctx: TargetContext): Promise<CommandResult & { silentMs: number }> {
  const args = ['create', 'cluster', '--name', deps.name, '--kubeconfig', deps.kubeconfig, '--retain'];
  if (deps.env.cluster.kindConfig !== undefined) args.push('--config', deps.env.cluster.kindConfig);
  const started = performance.now();
  let lastLineAt: number | undefined;
  const onLine = (line: string): void => {
    lastLineAt = performance.now();
    ctx.output(line);
  };
  const result = await deps.tools.kind(args, {
    timeoutMs: deps.createTimeoutMs,
    signal: ctx.signal,
    onLine,
    tailLines: 40,
  });
  // The silence at the moment the timeout fired (the kill grace afterwards does not count), to 0.1s.
  const silence =
    lastLineAt === undefined ? deps.createTimeoutMs : Math.max(0, started + deps.createTimeoutMs - lastLineAt);
  return { ...result, silentMs: Math.min(deps.createTimeoutMs, Math.round(silence / 100) * 100) };
}

/** Turns a failed create into its error, after collecting logs and removing what it left. */
async function failCreate(deps: KindDeps, ctx: TargetContext, result: CommandResult, silentMs: number): Promise<never> {
  if (ALREADY_EXISTS.test(result.stderr)) {
    // Someone created a cluster of this name since status() looked: it is not ours, so nothing is deleted.
    await deps.records.remove(deps.name);
    throw new TarmacError('CLUSTER_EXISTS', `kind cluster ${deps.name} appeared while tarmac was about to create it`, {
      exitCode: ExitCode.environment,
      hint: `Another process created it. Run tarmac again to reuse it if it is healthy, or rename cluster.name in tarmac.yaml.`,
      details: result.tail.slice(-5),
    });
  }
  const health = result.timedOut ? await deps.engine.health(ENGINE_PROBE_MS) : undefined;
  const aftermath = await salvage(deps, ctx.signal);
  if (result.cancelled)
    throw new CancelledError(`kind create cluster ${deps.name} was cancelled (${aftermath.cleanup})`);
  if (health) throw createTimeoutError(result, silentMs, health, aftermath);
  throw createFailedError(result, aftermath);
}

/**
 * Exports kind's logs (unless cancelled) and deletes the nodes a failed attempt left; never throws, it
 * reports what it did. Runs without the step's signal so that a cancelled create is still cleaned up.
 */
async function salvage(deps: KindDeps, signal: AbortSignal): Promise<CreateAftermath> {
  const nodes = await nodeContainers(deps).catch(() => undefined);
  if (nodes?.length === 0) {
    await deps.records.remove(deps.name);
    return {
      cluster: deps.name,
      logs: 'none (no node container was created)',
      cleanup: 'no node container was left behind',
    };
  }
  let logs = 'not exported (cancelled)';
  if (!signal.aborted) {
    const dir = kindLogsDir(runDir(deps.stateDir, deps.runId));
    const exported = await deps.tools.kind(['export', 'logs', dir, '--name', deps.name], { timeoutMs: SLOW_MS });
    logs = exported.ok ? dir : `not exported (${kindErrorLine(exported)})`;
  }
  try {
    await deleteCluster(deps);
    await deps.records.remove(deps.name);
    return { cluster: deps.name, logs, cleanup: 'the nodes it left were deleted' };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      cluster: deps.name,
      logs,
      cleanup: `its nodes could not be deleted: ${why}; run \`kind delete cluster --name ${deps.name}\``,
    };
  }
}
