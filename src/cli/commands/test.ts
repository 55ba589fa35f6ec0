// `tarmac test`: re-runs the suite on the live env; exit 1 when tests fail.
import { run } from '../../exec/run.js';
import { testAgain } from '../../run/test-again.js';
import { selectTarget } from '../../targets/select.js';
import type { CliIo } from '../io.js';
import { afterRun } from '../after-run.js';
import { openSession, type SessionOptions } from '../session.js';
import { runExitCode, upSummary } from '../up-summary.js';

/** Runs `tarmac test`. */
export async function testCommand(opts: SessionOptions, io: CliIo): Promise<number> {
  const session = await openSession(opts, io, 'test');
  try {
    const { target } = selectTarget(session.env, { runner: run, engine: session.engine, processEnv: io.env, runId: session.bus.runId });
    const started = Date.now();
    const result = await testAgain({ env: session.env, target, runner: run, bus: session.bus, signal: session.root.signal, processEnv: io.env });
    session.close();
    io.stdout.write(upSummary({ summary: result.summary, events: session.bus.history, ...(result.test ? { test: result.test } : {}), durationMs: Date.now() - started }, session.view.colors).replace(/^up: /, 'test: '));
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json) });
    return runExitCode(result.summary);
  } finally {
    session.close();
  }
}
