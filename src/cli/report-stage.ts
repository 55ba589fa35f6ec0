// The after-run report stage: on a failed run, write report.md and report.html into the run dir.
import { relative } from 'node:path';
import { loadRunReport, writeRunReport } from '../report/run-report.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { toEventError } from '../events/event-error.js';
import type { AfterRunInput } from './after-run-input.js';
import { warnTo } from './warn.js';
import { safeText } from '../ui/safe-text.js';
import { expectedDurations } from './commands/report.js';

/** Writes the run's reports after a failure and prints their paths in one line; never throws. */
export function reportStage(input: AfterRunInput): void {
  if (input.outcome !== 'failed' || !reportWorthy(input.error)) return;
  const { session, io } = input;
  const out = input.json ? io.stderr : io.stdout;
  const { redact } = session;
  const warn = warnTo(io.stderr, redact);
  try {
    const expected = expectedDurations(session.env, session.bus.runId, warn);
    const { model, warnings } = loadRunReport(
      session.journal.dir,
      session.bus.runId,
      expected,
      input.error === undefined ? undefined : toEventError(input.error),
    );
    warnings.forEach(warn);
    const paths = writeRunReport(session.journal.dir, model, redact);
    const show = (p: string): string => (p.startsWith(io.cwd) ? relative(io.cwd, p) : p);
    out.write(`report: ${safeText(show(paths.markdown))} · ${safeText(show(paths.html))}\n`);
  } catch (err) {
    // A report that cannot be written must not hide the run's own result.
    warn(`the report could not be written: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A usage error (a bad flag combination) or an interrupt is not a failure worth a report. */
function reportWorthy(error: unknown): boolean {
  return !(
    error instanceof TarmacError &&
    (error.exitCode === ExitCode.usage || error.exitCode === ExitCode.interrupted)
  );
}
