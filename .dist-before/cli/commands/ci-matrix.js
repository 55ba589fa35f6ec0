import { readLearnedDurations } from "../../history/expected.js";
import { durationText } from "../../history/format.js";
import { ciMatrix } from "../../plan/ci-matrix.js";
import { suiteCosts } from "../../plan/suites-predict.js";
import { table } from "../../ui/text-table.js";
import { loadCommandConfig } from "../load-config.js";
import { chosenSuites } from "../suite-choice.js";
async function ciMatrixCommand(opts, io) {
  const { env } = await loadCommandConfig(opts, io.cwd);
  const suites = chosenSuites(env, opts.suite);
  const durations = new Map(Object.entries(readLearnedDurations(env.historyPath, env.name)));
  const target = env.cluster.target === "podman" ? "podman" : "kind";
  const costs = suiteCosts(env, { suites, target, withTest: true, durations });
  const matrix = ciMatrix(costs, opts.runners ?? 4);
  io.stdout.write(`${JSON.stringify({ include: matrix.include })}
`);
  io.stderr.write(
    `${table(
      ["job", "suites", "predicted"],
      matrix.include.map((j) => [j.name, j.suites, durationText(j.predictedMs)])
    )}
longest job ${matrix.balance.toFixed(2)}x the mean; estimates from ${durations.size > 0 ? `${env.historyPath}, else defaults` : "defaults (no history yet)"}
`
  );
  return 0;
}
export {
  ciMatrixCommand
};
//# sourceMappingURL=ci-matrix.js.map
