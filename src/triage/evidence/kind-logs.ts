// The cluster's own logs (`kind export logs <runDir>/kind-logs`) for a failed run, taken before anything deletes
// the cluster: the node's journal, kubelet and containerd logs are the evidence of a cluster that did not come up.
// Only targets that have such logs export them (TargetEvidence.exportLogs); the name stays for the evidence's shape.
// The abnormal lines of the nodes' kubelet, containerd and journal logs are read into the facts (kind-log-lines.ts).
import { existsSync } from 'node:fs';
import { targetEvidence } from '../../targets/evidence.js';
import type { KindLogsFacts } from '../types.js';
import type { Collector } from './context.js';
import { RawLog } from './raw-log.js';
import { kindLogsDir } from '../../journal/run-dir.js';
import { readKindLogLines } from './kind-log-lines.js';

/** Applies only to a failed run on a target with cluster logs, with a run dir; exports nothing without a cluster. */
export const kindLogsCollector: Collector<KindLogsFacts> = {
  name: 'kindLogs',
  timeoutMs: 8_000,
  applies: (ctx) =>
    targetEvidence(ctx.target ?? 'podman').exportLogs !== undefined &&
    ctx.runFailed &&
    ctx.runDir !== undefined &&
    ctx.env !== undefined &&
    ctx.engine !== undefined,
  async collect(ctx, signal) {
    const log = new RawLog();
    const { env, engine, runDir } = ctx;
    const exportLogs = targetEvidence(ctx.target ?? 'podman').exportLogs;
    if (!env || !engine || !runDir || !exportLogs) throw new Error('not applicable');
    const dir = kindLogsDir(runDir);
    // A re-triage must not overwrite what was taken at the failure (the cluster may be gone or different now).
    if (existsSync(dir)) {
      log.note(`${dir} exists already (taken at the failure); not exported again`);
      return read(dir, log);
    }
    await exportLogs({ env, engine, runner: ctx.runner, log, signal }, dir);
    return read(dir, log);
  },
};

/** The exported dir and the abnormal lines of its nodes' logs (bounded and redacted by the reader). */
function read(dir: string, log: RawLog): { data: KindLogsFacts; raw: string } {
  const lines = readKindLogLines(dir);
  for (const l of lines) log.note(`${l.file}: ${l.text}`);
  return { data: lines.length > 0 ? { dir, lines } : { dir }, raw: log.text() };
}
