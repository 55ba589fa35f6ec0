// What the after-run stages (triage, report, CI output) are given; its own file so the stages and
// after-run.ts, which calls them, do not import each other.
import type { Env } from '../config/types.js';
import type { CliIo } from './io.js';
import type { Session } from './session.js';

/** A finished run command's session and outcome, as every after-run stage reads it. */
export interface AfterRunInput {
  session: Session;
  outcome: 'succeeded' | 'failed' | 'cancelled';
  io: CliIo;
  /** --json: human text goes to stderr. */
  json: boolean;
  /** The error the command threw after the session opened (see afterThrow); triage records it. */
  error?: unknown;
  /**
   * The envs triage inspects when they are not the session's (`test --suite`: the suite's clusters, its first one,
   * where the test ran, leading).
   */
  triageEnvs?: Env[];
}
