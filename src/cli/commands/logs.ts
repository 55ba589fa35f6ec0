// `tarmac logs [WORKLOAD] [-f] [--since DURATION] [--suite NAME]`: the logs of the env's containers (or of every
// cluster of a suite) on either target, redacted and with terminal control characters escaped; `-f` follows until Ctrl-C.
import { parseDuration } from '../../config/duration.js';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { secretValues } from '../../redact/env-secrets.js';
import { makeRedactor, makeStreamRedactor } from '../../redact/redactor.js';
import { safeText } from '../../ui/safe-text.js';
import type { CliIo } from '../io.js';
import { logPrefix, selectLogSources } from '../logs-select.js';
import { rootSignal } from '../signals.js';
import { envTarget } from '../target-session.js';
import { loadCommandConfig } from '../load-config.js';
import { suiteClusters } from '../suite-clusters.js';
import type { ClusterTarget } from '../../targets/types.js';
import type { Env } from '../../config/types.js';

export interface LogsOptions {
  file?: string;
  follow?: boolean;
  since?: string;
  /** `--suite NAME`: the containers of every cluster of that suite. */
  suite?: string;
}

/** Where logs are read: the env's target, or each cluster of a suite (named, to tell their lines apart). */
interface LogTarget {
  cluster?: string;
  target: ClusterTarget;
}

/** Runs `tarmac logs`; exit 0 (also when Ctrl-C ends `-f`), 3 when nothing runs. */
export async function logsCommand(workload: string | undefined, opts: LogsOptions, io: CliIo): Promise<number> {
  const sinceMs = opts.since === undefined ? undefined : parseSince(opts.since);
  const root = rootSignal(() => {});
  try {
    const { env } = await loadCommandConfig(opts, io.cwd);
    // An unknown suite is a usage error, found before the engine is asked anything.
    const clusters = opts.suite === undefined ? undefined : suiteClusters(env, opts.suite).clusters;
    const targets = await logTargets(env, clusters, io);
    const found = await Promise.all(
      targets.map(async ({ cluster, target }) => {
        if (!target.logSources || !target.readLogs)
          throw new TarmacError('LOGS_FAILED', `the ${target.type} target cannot read logs`);
        return (await target.logSources(root.signal)).map((source) => ({ source, cluster, target }));
      }),
    );
    const all = found.flat();
    if (all.length === 0) {
      const what = opts.suite === undefined ? env.name : `suite ${opts.suite}`;
      const up = opts.suite === undefined ? 'tarmac up' : `tarmac up --suite ${opts.suite}`;
      io.stderr.write(`${safeText(what)}: no containers run (\`${safeText(up)}\` first)\n`);
      return ExitCode.environment;
    }
    const sources = selectLogSources(
      all.map((a) => a.source),
      workload,
    );
    const redact = makeStreamRedactor(makeRedactor(secretValues(env, io.env)));
    await Promise.all(
      sources.map((source) => {
        const { cluster, target } = all.find((a) => a.source === source)!;
        // With several clusters, the cluster goes in the prefix: two clusters may run pods of one name.
        const prefix =
          clusters && clusters.length > 1 ? `[${cluster}] ${logPrefix(source, sources)}` : logPrefix(source, sources);
        const key = `${cluster ? `${cluster}/` : ''}${source.pod}/${source.container}`;
        return target.readLogs!(source, {
          follow: Boolean(opts.follow),
          ...(sinceMs === undefined ? {} : { sinceMs }),
          signal: root.signal,
          onLine: (line, stream) => {
            const text = `${prefix}${safeText(redact(`${key}:${stream}`, line))}\n`;
            (stream === 'stderr' ? io.stderr : io.stdout).write(text);
          },
        });
      }),
    );
    return ExitCode.ok;
  } finally {
    root.dispose();
  }
}

// The env's own target, or each cluster of the suite.
async function logTargets(
  env: Env,
  clusters: { name: string; env: Env }[] | undefined,
  io: CliIo,
): Promise<LogTarget[]> {
  const { target, suites } = await envTarget(env, io);
  if (!clusters) return [{ target }];
  return clusters.map((c) => ({ cluster: c.name, target: suites.find((s) => s.env.name === c.env.name)!.target }));
}

// `--since 10m`: a positive duration, as tarmac.yaml writes them.
function parseSince(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0)
    throw new TarmacError('CONFIG_INVALID', `--since ${text} is not a positive duration`, {
      exitCode: ExitCode.usage,
      hint: 'Write it like 30s, 10m or 1h30m.',
    });
  return ms;
}
