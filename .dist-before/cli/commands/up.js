import { runCommand } from "../../exec/run-command.js";
import { resolve } from "node:path";
import { up } from "../../orchestrate/up.js";
import { ExitCode, TarmacError } from "../../errors/errors.js";
import { readRefsFile, refsForImages } from "../../registry/refs-file.js";
import { engineHealer } from "../../orchestrate/recovery-heal.js";
import { sessionTarget } from "../target-session.js";
import { tarmacVersion } from "../../version.js";
import { afterRun, afterThrow } from "../after-run.js";
import { openSession } from "../session.js";
import { runExitCode, upSummary } from "../up-summary.js";
async function ciOptions(opts, env, cwd) {
  if (opts.refs !== void 0 && !opts.pullOnly) {
    throw new TarmacError("REFS_WITHOUT_PULL_ONLY", "--refs is read by `up --pull-only`", {
      exitCode: ExitCode.usage,
      hint: "Run `tarmac up --pull-only --refs FILE`."
    });
  }
  const path = opts.refs === void 0 ? void 0 : resolve(cwd, opts.refs);
  const refs = path === void 0 ? void 0 : {
    path,
    images: refsForImages(
      await readRefsFile(path),
      env.images.map((i) => i.name),
      path
    )
  };
  return {
    ...opts.pullOnly ? { pullOnly: true } : {},
    ...refs ? { refs } : {},
    ...opts.shard ? { shard: opts.shard } : {}
  };
}
async function upCommand(opts, io) {
  const session = await openSession({ ...opts, diskCheck: true, lock: { wait: opts.wait !== false } }, io, "up");
  try {
    const { target, why } = sessionTarget(session, io);
    session.bus.emit({ type: "decision", message: `target: ${why}; engine: ${session.engine.name}` });
    const result = await up({
      env: session.env,
      engine: session.engine,
      target,
      runner: runCommand,
      bus: session.bus,
      signal: session.root.signal,
      version: tarmacVersion(),
      processEnv: io.env,
      withTest: opts.test !== false,
      keepOnInterrupt: opts.keep !== false,
      ...opts.capacity ? { capacity: opts.capacity } : {},
      hostGate: session.hostGate,
      durations: session.durations,
      ...opts.heal ? { heal: engineHealer(session.engine) } : {},
      ...await ciOptions(opts, session.env, io.cwd)
    });
    session.close();
    const text = session.redact(
      upSummary(
        {
          summary: result.summary,
          events: session.bus.history,
          ...result.test ? { test: result.test } : {},
          durationMs: result.durationMs
        },
        session.view.colors
      )
    );
    if (opts.json)
      io.stdout.write(
        `${JSON.stringify({ runId: session.bus.runId, outcome: result.summary.outcome, images: Object.fromEntries(result.refs), journal: session.journal.dir, tests: result.test?.report?.totals }, null, 2)}
`
      );
    else io.stdout.write(text);
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
  upCommand
};
//# sourceMappingURL=up.js.map
