import { existsSync } from "node:fs";
import { targetEvidence } from "../../targets/evidence.js";
import { RawLog } from "./raw-log.js";
import { kindLogsDir } from "../../journal/run-dir.js";
import { readKindLogLines } from "./kind-log-lines.js";
const kindLogsCollector = {
  name: "kindLogs",
  timeoutMs: 8e3,
  applies: (ctx) => targetEvidence(ctx.target ?? "podman").exportLogs !== void 0 && ctx.runFailed && ctx.runDir !== void 0 && ctx.env !== void 0 && ctx.engine !== void 0,
  async collect(ctx, signal) {
    const log = new RawLog();
    const { env, engine, runDir } = ctx;
    const exportLogs = targetEvidence(ctx.target ?? "podman").exportLogs;
    if (!env || !engine || !runDir || !exportLogs) throw new Error("not applicable");
    const dir = kindLogsDir(runDir);
    if (existsSync(dir)) {
      log.note(`${dir} exists already (taken at the failure); not exported again`);
      return read(dir, log);
    }
    await exportLogs({ env, engine, runner: ctx.runner, log, signal }, dir);
    return read(dir, log);
  }
};
function read(dir, log) {
  const lines = readKindLogLines(dir);
  for (const l of lines) log.note(`${l.file}: ${l.text}`);
  return { data: lines.length > 0 ? { dir, lines } : { dir }, raw: log.text() };
}
export {
  kindLogsCollector
};
//# sourceMappingURL=kind-logs.js.map
