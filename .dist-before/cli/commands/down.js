import { clearEnvState } from "../../orchestrate/env-state.js";
import { safeText } from "../../ui/safe-text.js";
import { lockEnv } from "../env-lock.js";
import { rootSignal } from "../signals.js";
import { openTarget } from "../target-session.js";
async function downCommand(opts, io) {
  const { env, target } = await openTarget(opts, io);
  const root = rootSignal((name) => void io.stderr.write(`
${name}: cancelling
`));
  const report = await (async () => {
    const unlock = await lockEnv(env, "down", opts.wait !== false, root.signal, io).finally(() => root.dispose());
    try {
      const removed = await target.down();
      clearEnvState(env.stateDir);
      return removed;
    } finally {
      unlock();
    }
  })();
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
    return 0;
  }
  io.stdout.write(downText(env.name, report));
  return 0;
}
function downText(envName, report) {
  const lines = report.removed.length > 0 ? report.removed.map((r) => `removed ${safeText(r)}`) : [`nothing of ${safeText(envName)} was up`];
  for (const kept of report.keptForeign) lines.push(`left alone (not created by tarmac): ${safeText(kept)}`);
  return `${lines.join("\n")}
`;
}
export {
  downCommand,
  downText
};
//# sourceMappingURL=down.js.map
