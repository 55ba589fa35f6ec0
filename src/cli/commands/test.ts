// `tarmac test`: re-runs the suite on the live env; exit 1 when tests fail.
import { runCommand } from '../../exec/run-command.js';
import { testAgain } from '../../orchestrate/test-again.js';
import { sessionTarget } from '../target-session.js';
import type { CliIo } from '../io.js';
import type { Shard } from '../../plan/shard.js';
import { afterRun, afterThrow } from '../after-run.js';
import { openSession, type SessionOptions } from '../session.js';
import { runExitCode, upSummary } from '../up-summary.js';

/** Runs `tarmac test`. */
export async function testCommand(
  opts: SessionOptions & { shard?: Shard; wait?: boolean },
  io: CliIo,
): Promise<number> {
  const session = await openSession({ ...opts, lock: { wait: opts.wait !== false } }, io, 'test');
  try {
    const { target } = sessionTarget(session, io);
    const started = Date.now();
    const result = await testAgain({
      env: session.env,
      target,
      engine: session.engine,
      runner: runCommand,
      bus: session.bus,
      signal: session.root.signal,
      processEnv: io.env,
      ...(opts.shard ? { shard: opts.shard } : {}),
    });
    session.close();
    // Built from the run's errors, which did not pass the bus: redacted here.
    io.stdout.write(
      session.redact(
        upSummary(
          {
            summary: result.summary,
            events: session.bus.history,
            ...(result.test ? { test: result.test } : {}),
            durationMs: Date.now() - started,
          },
          session.view.colors,
        ).replace(/^up: /, 'test: '),
      ),
    );
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json) });
    return runExitCode(result.summary);
  } catch (error) {
    // A failure that escaped the run (e.g. a cluster error) is triaged too; cli/main renders it once.
    await afterThrow({ session, io, json: Boolean(opts.json), error });
    throw error;
  } finally {
    session.close();
  }
}
