import { parseDuration } from "../../config/duration.js";
import { ExitCode, TarmacError } from "../../errors/errors.js";
import { secretValues } from "../../redact/env-secrets.js";
import { makeRedactor, makeStreamRedactor } from "../../redact/redactor.js";
import { safeText } from "../../ui/safe-text.js";
import { logPrefix, selectLogSources } from "../logs-select.js";
import { rootSignal } from "../signals.js";
import { openTarget } from "../target-session.js";
async function logsCommand(workload, opts, io) {
  const sinceMs = opts.since === void 0 ? void 0 : parseSince(opts.since);
  const root = rootSignal(() => {
  });
  try {
    const { env, target } = await openTarget(opts, io);
    if (!target.logSources || !target.readLogs)
      throw new TarmacError("LOGS_FAILED", `the ${target.type} target cannot read logs`);
    const all = await target.logSources(root.signal);
    if (all.length === 0) {
      io.stderr.write(`${env.name}: no containers run (\`tarmac up\` first)
`);
      return ExitCode.environment;
    }
    const sources = selectLogSources(all, workload);
    const redact = makeStreamRedactor(makeRedactor(secretValues(env, io.env)));
    const readLogs = target.readLogs.bind(target);
    await Promise.all(
      sources.map((source) => {
        const prefix = logPrefix(source, sources);
        const key = `${source.pod}/${source.container}`;
        return readLogs(source, {
          follow: Boolean(opts.follow),
          ...sinceMs === void 0 ? {} : { sinceMs },
          signal: root.signal,
          onLine: (line, stream) => {
            const text = `${prefix}${safeText(redact(`${key}:${stream}`, line))}
`;
            (stream === "stderr" ? io.stderr : io.stdout).write(text);
          }
        });
      })
    );
    return ExitCode.ok;
  } finally {
    root.dispose();
  }
}
function parseSince(text) {
  const ms = parseDuration(text);
  if (ms === void 0 || ms <= 0)
    throw new TarmacError("CONFIG_INVALID", `--since ${text} is not a positive duration`, {
      exitCode: ExitCode.usage,
      hint: "Write it like 30s, 10m or 1h30m."
    });
  return ms;
}
export {
  logsCommand
};
//# sourceMappingURL=logs.js.map
