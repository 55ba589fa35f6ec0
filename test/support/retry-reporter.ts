// A vitest reporter that prints, after the run, each test that passed only on a retry, with the errors of its failed
// attempts. Why: the e2e project retries once (podman 4.3's store races between two files, vitest.config.ts), and
// vitest's default reporter then shows only "(retry x1)", so a first failure that was a real bug (a crash loop judged
// ready under load was one) could not be read from the run's log.
import type { RunnerTask, RunnerTestFile } from 'vitest';
import type { Reporter } from 'vitest/reporters';

/** The lines to print for `task` and its children: one block per test that needed a retry to pass. */
export function retriedLines(task: RunnerTask, file = ''): string[] {
  if ('tasks' in task) return task.tasks.flatMap((t) => retriedLines(t, file || task.name));
  const result = task.result;
  if (!result?.retryCount || result.state !== 'pass') return [];
  const errors = (result.errors ?? []).map(
    (e) => `    ${(e.stack ?? e.message).split('\n').slice(0, 12).join('\n    ')}`,
  );
  return [
    `[retried] ${file} > ${task.name}: passed on attempt ${result.retryCount + 1}; the failed attempts:`,
    ...errors,
  ];
}

/** Prints the retried tests (see the file comment) once every file has run. */
export default class RetryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []): void {
    const lines = files.flatMap((f) => retriedLines(f));
    if (lines.length > 0) process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
