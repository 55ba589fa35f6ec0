import { chmod, rm } from "node:fs/promises";
import { CancelledError, ExitCode, TarmacError } from "../../errors/errors.js";
import { deleteCluster } from "./cluster-delete.js";
import { nodeContainers } from "./cluster-status.js";
import { createFailedError, createTimeoutError } from "./create-errors.js";
import { kindErrorLine, SLOW_MS } from "./kind-tools.js";
import { ensurePrivateDir } from "./paths.js";
import { kindLogsDir, runDir } from "../../journal/run-dir.js";
import { verifyReady } from "./verify-ready.js";
import { writeMarker } from "./owner-marker.js";
const ENGINE_PROBE_MS = 1e4;
const ALREADY_EXISTS = /node\(s\) already exist for a cluster with the name/;
async function createCluster(deps, ctx) {
  await deps.records.put({
    name: deps.name,
    env: deps.env.name,
    state: "creating",
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    runId: deps.runId,
    tarmacVersion: deps.tarmacVersion,
    nodeIds: []
  });
  await ensurePrivateDir(deps.kubeconfig);
  await rm(deps.kubeconfig, { force: true });
  const started = performance.now();
  const result = await runCreate(deps, ctx);
  if (!result.ok) return failCreate(deps, ctx, result, result.silentMs);
  await chmod(deps.kubeconfig, 384);
  const budgetMs = Math.max(1e4, Math.round(deps.createTimeoutMs - (performance.now() - started)));
  try {
    const summary = await verifyReady(deps, ctx, budgetMs);
    await writeMarker(deps, ctx.signal);
    const nodes = await nodeContainers(deps, ctx.signal);
    await deps.records.put({
      name: deps.name,
      env: deps.env.name,
      state: "ready",
      createdAt: (/* @__PURE__ */ new Date()).toISOString(),
      runId: deps.runId,
      tarmacVersion: deps.tarmacVersion,
      nodeIds: nodes.map((n) => n.id)
    });
    return summary;
  } catch (error) {
    const aftermath = await salvage(deps, ctx.signal);
    if (error instanceof TarmacError) {
      throw new TarmacError(error.code, error.message, {
        exitCode: error.exitCode,
        hint: `${error.hint ?? ""} kind's logs: ${aftermath.logs}.`.trim(),
        details: [...error.details, `(${aftermath.cleanup})`],
        cause: error
      });
    }
    throw error;
  }
}
async function runCreate(deps, ctx) {
  const args = ["create", "cluster", "--name", deps.name, "--kubeconfig", deps.kubeconfig, "--retain"];
  if (deps.env.cluster.kindConfig !== void 0) args.push("--config", deps.env.cluster.kindConfig);
  const started = performance.now();
  let lastLineAt;
  const onLine = (line) => {
    lastLineAt = performance.now();
    ctx.output(line);
  };
  const result = await deps.tools.kind(args, {
    timeoutMs: deps.createTimeoutMs,
    signal: ctx.signal,
    onLine,
    tailLines: 40
  });
  const silence = lastLineAt === void 0 ? deps.createTimeoutMs : Math.max(0, started + deps.createTimeoutMs - lastLineAt);
  return { ...result, silentMs: Math.min(deps.createTimeoutMs, Math.round(silence / 100) * 100) };
}
async function failCreate(deps, ctx, result, silentMs) {
  if (ALREADY_EXISTS.test(result.stderr)) {
    await deps.records.remove(deps.name);
    throw new TarmacError("CLUSTER_EXISTS", `kind cluster ${deps.name} appeared while tarmac was about to create it`, {
      exitCode: ExitCode.environment,
      hint: `Another process created it. Run tarmac again to reuse it if it is healthy, or rename cluster.name in tarmac.yaml.`,
      details: result.tail.slice(-5)
    });
  }
  const health = result.timedOut ? await deps.engine.health(ENGINE_PROBE_MS) : void 0;
  const aftermath = await salvage(deps, ctx.signal);
  if (result.cancelled)
    throw new CancelledError(`kind create cluster ${deps.name} was cancelled (${aftermath.cleanup})`);
  if (health) throw createTimeoutError(result, silentMs, health, aftermath);
  throw createFailedError(result, aftermath);
}
async function salvage(deps, signal) {
  const nodes = await nodeContainers(deps).catch(() => void 0);
  if (nodes?.length === 0) {
    await deps.records.remove(deps.name);
    return {
      cluster: deps.name,
      logs: "none (no node container was created)",
      cleanup: "no node container was left behind"
    };
  }
  let logs = "not exported (cancelled)";
  if (!signal.aborted) {
    const dir = kindLogsDir(runDir(deps.stateDir, deps.runId));
    const exported = await deps.tools.kind(["export", "logs", dir, "--name", deps.name], { timeoutMs: SLOW_MS });
    logs = exported.ok ? dir : `not exported (${kindErrorLine(exported)})`;
  }
  try {
    await deleteCluster(deps);
    await deps.records.remove(deps.name);
    return { cluster: deps.name, logs, cleanup: "the nodes it left were deleted" };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      cluster: deps.name,
      logs,
      cleanup: `its nodes could not be deleted: ${why}; run \`kind delete cluster --name ${deps.name}\``
    };
  }
}
export {
  createCluster
};
//# sourceMappingURL=create-cluster.js.map
