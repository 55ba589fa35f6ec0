// `tarmac report [RUN]`: the markdown report of a saved run on stdout, optionally the HTML page too.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Env } from '../../config/types.js';
import { readExpectedDurations } from '../../history/expected.js';
import { secretValues } from '../../redact/env-secrets.js';
import { makeRedactor, redactDeep } from '../../redact/redactor.js';
import { renderHtml } from '../../report/html.js';
import { renderMarkdown } from '../../report/markdown.js';
import { resolveRun } from '../../journal/find-run.js';
import { loadRunReport } from '../../report/run-report.js';
import type { CliIo } from '../io.js';
import { warnTo } from '../warn.js';
import { safeText } from '../../ui/safe-text.js';
import { loadCommandConfig } from '../load-config.js';

export interface ReportOptions {
  file?: string;
  /** Also write the self-contained HTML page here. */
  html?: string;
  /** Print the report model as JSON instead of markdown. */
  json?: boolean;
}

/** Runs `tarmac report`; exit 0 when the report was written (whatever the run's outcome). */
export async function reportCommand(run: string | undefined, opts: ReportOptions, io: CliIo): Promise<number> {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const where = resolveRun(env.stateDir, run, io.cwd);
  const redact = makeRedactor(secretValues(env, io.env));
  const warn = warnTo(io.stderr, redact);
  const { model, warnings } = loadRunReport(where.dir, where.runId, expectedDurations(env, where.runId, warn));
  warnings.forEach(warn);
  if (opts.html) {
    const target = resolve(io.cwd, opts.html);
    writeFileSync(target, renderHtml(model, redact));
    io.stderr.write(`report: wrote ${safeText(target)}\n`);
  }
  io.stdout.write(
    opts.json ? `${JSON.stringify(redactDeep(model, redact), null, 2)}\n` : renderMarkdown(model, redact),
  );
  return 0;
}

/** Expected step durations from history; a history that cannot be read costs the column, not the report. */
export function expectedDurations(env: Env, runId: string, warn: (line: string) => void): Record<string, number> {
  try {
    return readExpectedDurations(env.historyPath, env.name, { excludeRunId: runId });
  } catch (err) {
    warn(`expected durations unavailable: ${err instanceof Error ? err.message : String(err)}`);
    return {};
  }
}
