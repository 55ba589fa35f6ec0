// What happens after a run command finished and its journal is closed: triage and reports on
// failure, then CI output. One place, so build, up and test behave the same.
import type { AfterRunInput } from './after-run-input.js';
import { ciStage } from './ci-stage.js';
import { interruptionOf } from './signals.js';

/**
 * Runs after every build/up/test. Order matters: triage first (its verdict must be printed
 * within 15 s of the failure), then report files, then CI output that links to both.
 */
export async function afterRun(input: AfterRunInput): Promise<void> {
  if (input.outcome === 'cancelled') return;
  // No stage may throw: a failing report must not hide the run's own result.
  if (input.outcome === 'failed') {
    // Loaded only when a run failed: triage and reports are about a third of the modules a run would load at start.
    const [{ triageStage }, { reportStage }] = await Promise.all([
      import('./triage-stage.js'),
      import('./report-stage.js'),
    ]);
    // Triage first: its verdict is printed within seconds; it writes triage.json/md.
    await triageStage(input);
    // Report: must stay AFTER the triage stage, it reads the triage.json that stage writes.
    reportStage(input);
  }
  // CI output: must stay LAST, it links the report and reads triage.json; it bundles a failed run.
  await ciStage(input);
}

/**
 * For a failure THROWN out of build/up/test after the session opened: closes the session (journal finished as
 * failed) and runs the after-run stages, so it is triaged too. The caller rethrows; cli/main renders the error once.
 */
export async function afterThrow(input: Omit<AfterRunInput, 'outcome'> & { error: unknown }): Promise<void> {
  input.session.close();
  await afterRun({ ...input, outcome: interruptionOf(input.error) ? 'cancelled' : 'failed' });
}
