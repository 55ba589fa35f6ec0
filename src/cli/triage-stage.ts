// The triage stage of afterRun: on a failed run, triage its run dir and print the short verdict (stderr under
// --json) within seconds; the TriageResult is returned for the later stages. Never throws.
import { safeDeep, safeText } from '../ui/safe-text.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import { runCommand } from '../exec/run-command.js';
import { renderTriageText } from '../triage/render-text.js';
import { triageFiles } from '../journal/run-dir.js';
import { triageRun } from '../triage/triage-run.js';
import type { TriageResult } from '../triage/types.js';
import { colorsFor } from '../ui/colors.js';
import type { CliIo } from './io.js';
import type { Session } from './session.js';

export interface TriageStageInput {
  session: Session;
  outcome: 'succeeded' | 'failed' | 'cancelled';
  io: CliIo;
  json: boolean;
  /** The error the command threw, when the failure escaped it. */
  error?: unknown;
  /** The envs to inspect when they are not the session's (`test --suite`: the suite's clusters, the first leading). */
  triageEnvs?: Session['env'][];
}

/** Triage of a failed run (undefined otherwise, or when triage itself failed: that is said in one line). */
export async function triageStage(input: TriageStageInput): Promise<TriageResult | undefined> {
  if (input.outcome !== 'failed' || !triageWorthy(input.error)) return undefined;
  const { session, io } = input;
  const out = input.json ? io.stderr : io.stdout;
  try {
    // A fresh signal: the session's root was disposed with it, and a first Ctrl-C must still stop the collectors.
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    try {
      const result = await triageRun({
        env: input.triageEnvs?.[0] ?? session.env,
        siblings: input.triageEnvs?.slice(1) ?? [],
        engine: session.engine,
        runner: runCommand,
        runDir: session.journal.dir,
        signal: controller.signal,
        processEnv: io.env,
        redact: session.redact,
        ...(input.error === undefined ? {} : { thrown: input.error }),
      });
      out.write(
        `\n${renderTriageText(safeDeep(result), { colors: colorsFor(Boolean(out.isTTY), io.env), markdownPath: triageFiles(session.journal.dir).markdown })}`,
      );
      return result;
    } finally {
      process.off('SIGINT', onSignal);
    }
  } catch (err) {
    out.write(`triage failed: ${safeText(err instanceof Error ? err.message : String(err))}\n`);
    return undefined;
  }
}

/** A usage error (bad flag combination) is not an infrastructure failure: nothing to triage. */
function triageWorthy(error: unknown): boolean {
  return !(
    error instanceof TarmacError &&
    (error.exitCode === ExitCode.usage || error.exitCode === ExitCode.interrupted)
  );
}
