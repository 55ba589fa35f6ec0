// What happens after a run command finished and its journal is closed: triage and reports on
// failure, then CI output. One place, so build, up and test behave the same.
import type { CliIo } from './io.js';
import type { Session } from './session.js';

export interface AfterRunInput {
  session: Session;
  outcome: 'succeeded' | 'failed' | 'cancelled';
  io: CliIo;
  /** --json: human text goes to stderr. */
  json: boolean;
}

/**
 * Runs after every build/up/test. Order matters: triage first (its verdict must be printed
 * within 15 s of the failure), then report files, then CI output that links to both.
 */
export async function afterRun(input: AfterRunInput): Promise<void> {
  if (input.outcome === 'cancelled') return;
  // Each stage adds itself below; none may throw (a failing report must not hide the run's own result).
}
