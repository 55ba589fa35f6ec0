// `tarmac logs [WORKLOAD] [-f] [--since DURATION]`: the logs of the env's containers on either target, redacted
// and with terminal control characters escaped; `-f` follows until Ctrl-C.
import { parseDuration } from '../../config/duration.js';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { secretValues } from '../../redact/env-secrets.js';
import { makeRedactor, makeStreamRedactor } from '../../redact/redactor.js';
import { safeText } from '../../ui/safe-text.js';
import type { CliIo } from '../io.js';
import { logPrefix, selectLogSources } from '../logs-select.js';
import { rootSignal } from '../signals.js';
import { openTarget } from '../target-session.js';

export interface LogsOptions {
  file?: string;
  follow?: boolean;
  since?: string;
}

/** Runs `tarmac logs`; exit 0 (also when Ctrl-C ends `-f`), 3 when nothing runs. */
export async function logsCommand(workload: string | undefined, opts: LogsOptions, io: CliIo): Promise<number> {
  const sinceMs = opts.since === undefined ? undefined : parseSince(opts.since);
  const root = rootSignal(() => {});
  try {
    const { env, target } = await openTarget(opts, io);
    if (!target.logSources || !target.readLogs)
      throw new TarmacError('LOGS_FAILED', `the ${target.type} target cannot read logs`);
    const all = await target.logSources(root.signal);
    if (all.length === 0) {
      io.stderr.write(`${env.name}: no containers run (\`tarmac up\` first)\n`);
      return ExitCode.environment;
    }
    const sources = selectLogSources(all, workload);
    const redact = makeStreamRedactor(makeRedactor(secretValues(env, io.env)));
    const readLogs = target.readLogs.bind(target);
    await Promise.all(
      sources.map((source) => {
        const prefix = logPrefix(source, sources);
        const key = `${source.pod}/${source.container}`;
        return readLogs(source, {
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
