import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { describeFailure } from "../exec/describe.js";
const HELM_TIMEOUT_MS = 6e4;
async function renderHelmChart(runner, request) {
  const { chart } = request;
  const inline = Object.keys(chart.values).length > 0 ? join(tmpdir(), `tarmac-helm-values-${randomBytes(6).toString("hex")}.json`) : void 0;
  try {
    if (inline !== void 0) await writeFile(inline, JSON.stringify(chart.values), { mode: 384 });
    const result = await runner("helm", helmTemplateArgs(chart, request.namespace, inline), {
      timeoutMs: HELM_TIMEOUT_MS,
      tailLines: 20,
      ...request.signal ? { signal: request.signal } : {}
    });
    if (result.ok) return result.stdout;
    if (result.spawnError !== void 0) {
      throw new TarmacError(
        "HELM_NOT_FOUND",
        `deploy group ${request.group} names the Helm chart ${request.shown}, but helm could not start (${result.spawnError})`,
        {
          exitCode: ExitCode.environment,
          hint: "Install Helm 3 or 4 (https://helm.sh/docs/intro/install/) and put `helm` on PATH; tarmac runs `helm template` to render the chart."
        }
      );
    }
    throw new TarmacError(
      "HELM_TEMPLATE_FAILED",
      `deploy group ${request.group}: helm template of chart ${request.shown} failed: ${helmError(result)}`,
      {
        exitCode: ExitCode.usage,
        details: [result.command, ...result.tail.slice(-10)],
        hint: "helm's message names the template and its line; fix the chart, or the values given to it in tarmac.yaml."
      }
    );
  } finally {
    if (inline !== void 0) await rm(inline, { force: true });
  }
}
function helmTemplateArgs(chart, namespace, inlineValues) {
  const args = ["template", chart.release, chart.chart, "--include-crds"];
  if (namespace !== void 0) args.push("--namespace", namespace);
  for (const file of chart.valuesFiles) args.push("--values", file);
  if (inlineValues !== void 0) args.push("--values", inlineValues);
  for (const [key, value] of Object.entries(chart.set)) {
    if (typeof value === "string") args.push("--set-string", `${key}=${value.replace(/[\\,]/g, "\\$&")}`);
    else args.push("--set", `${key}=${String(value)}`);
  }
  return args;
}
function helmError(result) {
  const error = result.stderr.split("\n").map((l) => l.trim()).find((l) => l.startsWith("Error:"));
  return error !== void 0 ? error.replace(/^Error:\s*/, "") : describeFailure(result);
}
export {
  helmTemplateArgs,
  renderHelmChart
};
//# sourceMappingURL=helm.js.map
