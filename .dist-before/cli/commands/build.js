import { buildImages } from "../../orchestrate/build-images.js";
import { engineHealer } from "../../orchestrate/recovery-heal.js";
import { tarmacVersion } from "../../version.js";
import { ExitCode } from "../../errors/errors.js";
import { redactDeep } from "../../redact/redactor.js";
import { afterRun, afterThrow } from "../after-run.js";
import { openSession } from "../session.js";
import { buildSummary, buildJson } from "../build-summary.js";
import { refsDocument, refsTarget } from "../build-refs.js";
import { writeRefsFile } from "../../registry/refs-file.js";
async function buildCommand(opts, io) {
  const session = await openSession({ ...opts, diskCheck: true }, io, "build");
  try {
    const refsPath = refsTarget(session.env, opts, io.cwd);
    const result = await buildImages({
      env: session.env,
      engine: session.engine,
      bus: session.bus,
      signal: session.root.signal,
      version: tarmacVersion(),
      ...opts.capacity ? { capacity: opts.capacity } : {},
      ...opts.only ? { only: opts.only } : {},
      ...opts.push ? { push: true } : {},
      hostGate: session.hostGate,
      durations: session.durations,
      ...opts.heal ? { heal: engineHealer(session.engine) } : {},
      processEnv: io.env
    });
    const refs = refsDocument(session.env, session.bus.runId, result.images);
    if (refsPath && refs && result.summary.outcome === "succeeded") await writeRefsFile(refsPath, refs);
    session.close();
    if (opts.json)
      io.stdout.write(
        `${JSON.stringify({ ...redactDeep(buildJson(session.bus.runId, result), session.redact), journal: session.journal.dir, ...refs ? { refs } : {} }, null, 2)}
`
      );
    else io.stdout.write(session.redact(buildSummary(result, session.view.colors)));
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json) });
    if (result.summary.outcome === "cancelled") return ExitCode.interrupted;
    return result.summary.outcome === "failed" ? ExitCode.infrastructure : ExitCode.ok;
  } catch (error) {
    await afterThrow({ session, io, json: Boolean(opts.json), error });
    throw error;
  } finally {
    session.close();
  }
}
export {
  buildCommand
};
//# sourceMappingURL=build.js.map
