import { mkdir, writeFile } from "node:fs/promises";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "../files/private.js";
import { join } from "node:path";
import { clustersCollector } from "./evidence/clusters.js";
import { connectionsCollector } from "./evidence/connections.js";
import { memoEngineHealth, memoEngineInfo } from "./evidence/context.js";
import { diskCollector } from "./evidence/disk.js";
import { engineCollector } from "./evidence/engine.js";
import { kindLogsCollector } from "./evidence/kind-logs.js";
import { machineCollector } from "./evidence/machine.js";
import { memoryCollector } from "./evidence/memory.js";
import { portsCollector } from "./evidence/ports.js";
import { workloadsCollector } from "./evidence/workloads.js";
import { missingFact } from "./missing-evidence.js";
import { evidenceDir } from "../journal/run-dir.js";
const DEFAULT_COLLECTOR_TIMEOUT_MS = 6e3;
const COLLECT_DEADLINE_MS = 11e3;
const MIN_RETRY_MS = 2e3;
const ALL_COLLECTORS = [
  engineCollector,
  machineCollector,
  connectionsCollector,
  clustersCollector,
  portsCollector,
  diskCollector,
  memoryCollector,
  workloadsCollector,
  kindLogsCollector
];
async function collectEvidence(opts) {
  const now = opts.now ?? Date.now;
  const done = new AbortController();
  const scope = AbortSignal.any([opts.signal, done.signal]);
  const ctx = {
    runner: opts.runner,
    ...opts.engine ? { engine: opts.engine } : {},
    ...opts.env ? { env: opts.env } : {},
    target: opts.target ?? "podman",
    processEnv: opts.processEnv,
    ...opts.runDir ? { runDir: opts.runDir } : {},
    runFailed: opts.runFailed ?? false,
    engineInfo: memoEngineInfo(opts.engine, scope),
    engineHealth: memoEngineHealth(opts.engine, scope)
  };
  const collectors = (opts.collectors ?? ALL_COLLECTORS).filter((c) => c.applies(ctx));
  const deadline = now() + (opts.deadlineMs ?? COLLECT_DEADLINE_MS);
  const attempt = (c, budgetMs) => runOne(c, ctx, scope, budgetMs, opts.redact, now);
  try {
    const runs = await Promise.all(
      collectors.map(
        (c) => withRetry(c, c.timeoutMs ?? opts.timeoutMs ?? DEFAULT_COLLECTOR_TIMEOUT_MS, deadline, scope, now, attempt)
      )
    );
    if (opts.runDir) await writeRaw(opts.runDir, runs);
    const evidence = { collectedAt: now() };
    for (const run of runs) evidence[run.name] = run;
    const missing = runs.filter((r) => !r.ok).map(missingFact);
    if (missing.length > 0) evidence.missing = missing;
    return evidence;
  } finally {
    done.abort();
  }
}
async function withRetry(collector, timeoutMs, deadline, scope, now, attempt) {
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
    ...second.ok ? {} : { error: `${first.error ?? "failed"}; on a retry: ${second.error ?? "failed"}` }
  };
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)}s`;
}
async function runOne(collector, ctx, parent, timeoutMs, redact, now) {
  const started = now();
  const controller = new AbortController();
  const signal = AbortSignal.any([parent, controller.signal]);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`collector ${collector.name} timed out`));
      resolve("timeout");
    }, timeoutMs);
  });
  const base = { name: collector.name };
  try {
    const outcome = await Promise.race([collector.collect(ctx, signal), timeout]);
    const durationMs = now() - started;
    if (outcome === "timeout")
      return {
        ...base,
        ok: false,
        timedOut: true,
        durationMs,
        raw: "",
        error: `no answer within ${seconds(timeoutMs)}`
      };
    return { ...base, ok: true, timedOut: false, durationMs, data: outcome.data, raw: redact(outcome.raw) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      ok: false,
      timedOut: false,
      durationMs: now() - started,
      raw: "",
      error: redact(message.split("\n")[0] ?? message)
    };
  } finally {
    clearTimeout(timer);
  }
}
async function writeRaw(runDir, runs) {
  const dir = evidenceDir(runDir);
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await Promise.all(
    runs.map((run) => {
      const head = run.ok ? "" : `# ${run.timedOut ? "timed out" : "failed"}: ${run.error ?? ""}
`;
      return writeFile(join(dir, `${run.name}.txt`), `${head}${run.raw}`, { mode: PRIVATE_FILE_MODE });
    })
  );
}
export {
  ALL_COLLECTORS,
  COLLECT_DEADLINE_MS,
  DEFAULT_COLLECTOR_TIMEOUT_MS,
  MIN_RETRY_MS,
  collectEvidence
};
//# sourceMappingURL=collect.js.map
