import { runCommand } from "../../exec/run-command.js";
import { testAgain } from "../../orchestrate/test-again.js";
import { sessionTarget } from "../target-session.js";
import { afterRun, afterThrow } from "../after-run.js";
import { openSession } from "../session.js";
import { runExitCode, upSummary } from "../up-summary.js";
async function testCommand(opts, io) {
  const session = await openSession({ ...opts, lock: { wait: opts.wait !== false } }, io, "test");
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
      ...opts.shard ? { shard: opts.shard } : {}
    });
    session.close();
    io.stdout.write(
      session.redact(
        upSummary(
          {
            summary: result.summary,
            events: session.bus.history,
            ...result.test ? { test: result.test } : {},
            durationMs: Date.now() - started
          },
          session.view.colors
        ).replace(/^up: /, "test: ")
      )
    );
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json) });
    return runExitCode(result.summary);
  } catch (error) {
    await afterThrow({ session, io, json: Boolean(opts.json), error });
    throw error;
  } finally {
    session.close();
  }
}
export {
  testCommand
};
//# sourceMappingURL=test.js.map
