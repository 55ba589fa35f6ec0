// The closing summary of `up` and `test`: per-phase durations, cache hits, test counts, then every failure.
import type { RunSummary } from '../orchestrate/scheduler.js';
import type { TarmacEvent } from '../events/types.js';
import type { TestOutcome } from '../orchestrate/executors/test-suite.js';
import { formatTestSummary } from '../orchestrate/executors/test-suite.js';
import { phaseFigures } from '../report/phase-summary.js';
import { formatDuration } from '../config/duration.js';
import type { Colors } from '../ui/colors.js';
import { safeText } from '../ui/safe-text.js';
import { errorLines } from './render-error.js';
import { ExitCode } from '../errors/errors.js';

/** The text printed after the view. */
export function upSummary(
  input: { summary: RunSummary; events: readonly TarmacEvent[]; test?: TestOutcome; durationMs: number },
  c: Colors,
): string {
  const lines = [`${c.bold(outcomeWord(input.summary.outcome))} in ${formatDuration(input.durationMs)}`];
  for (const p of phaseFigures(input.events)) {
    const cached = p.cached > 0 ? `, ${p.cached} cached` : '';
    const failed = p.failed > 0 ? c.red(`, ${p.failed} failed`) : '';
    lines.push(
      `  ${p.kind.padEnd(8)} ${formatDuration(p.wallMs).padStart(7)}  ${p.steps} step${p.steps === 1 ? '' : 's'}${cached}${failed}`,
    );
  }
  if (input.test?.report) lines.push(`  tests: ${formatTestSummary(input.test.report)}`);
  // Step ids hold config names; errorLines escapes the messages: outside text cannot drive the terminal.
  for (const [stepId, err] of input.summary.errors)
    lines.push('', ...errorLines(`${c.red(`✗ ${safeText(stepId)}`)} ${c.red(`[${err.code}]`)} `, err, c));
  return `${lines.join('\n')}\n`;
}

function outcomeWord(outcome: RunSummary['outcome']): string {
  return outcome === 'succeeded' ? 'up: ok' : outcome === 'cancelled' ? 'up: cancelled' : 'up: FAILED';
}

/** Exit code of a finished run: tests failed 1, cancelled 130, the env is another checkout's 3, other failures 4. */
export function runExitCode(summary: RunSummary): number {
  if (summary.outcome === 'cancelled') return 130;
  if (summary.outcome === 'succeeded') return 0;
  const codes = [...summary.errors.values()].map((e) => e.code);
  // Nothing broke: the env is up from another checkout, and only its owner (or a rename) can change that.
  if (codes.includes('ENV_OTHER_CHECKOUT')) return ExitCode.environment;
  return codes.length > 0 && codes.every((code) => code === 'TESTS_FAILED') ? 1 : 4;
}
