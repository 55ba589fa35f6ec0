import { CancelledError, ExitCode, TarmacError } from "../../errors/errors.js";
import { formatDuration } from "../../config/duration.js";
import { readyzProblem } from "./cluster-status.js";
import { kindErrorLine } from "./kind-tools.js";
const READYZ_POLL_MS = 1e3;
const KUBECTL_ROUNDING_MS = 1e3;
async function verifyReady(deps, ctx, budgetMs) {
  const deadline = performance.now() + budgetMs;
  const seconds = Math.max(1, Math.ceil(budgetMs / 1e3));
  const waited = await deps.tools.kubectl(["wait", "--for=condition=Ready", "node", "--all", `--timeout=${seconds}s`], {
    timeoutMs: Math.ceil(budgetMs) + 1e4,
    signal: ctx.signal,
    onLine: ctx.output
  });
  if (!waited.ok) throw notReady(deps, waited, budgetMs);
  const ready = waited.stdout.split("\n").filter((line) => line.endsWith("condition met")).length;
  for (; ; ) {
    const problem = await readyzProblem(deps, ctx.signal);
    if (problem === void 0) break;
    if (performance.now() >= deadline) {
      throw new TarmacError("CLUSTER_NOT_READY", `kind cluster ${deps.name}: ${problem}`, {
        exitCode: ExitCode.infrastructure,
        hint: 'The nodes are Ready but the API server does not report ready: read `kubectl get --raw "/readyz?verbose"` and the exported logs.'
      });
    }
    await deps.sleep(READYZ_POLL_MS, ctx.signal);
    if (ctx.signal.aborted) throw new CancelledError();
  }
  return `${ready} node${ready === 1 ? "" : "s"} Ready, /readyz ok`;
}
function notReady(deps, waited, budgetMs) {
  const line = kindErrorLine(waited);
  const waitedOut = waited.timedOut || /timed out waiting/i.test(line) || waited.durationMs >= budgetMs - KUBECTL_ROUNDING_MS;
  if (waitedOut)
    return new TarmacError(
      "CLUSTER_NOT_READY",
      `the nodes of kind cluster ${deps.name} did not become Ready within ${formatDuration(budgetMs)}: ${line}`,
      {
        exitCode: ExitCode.infrastructure,
        hint: "kind created the nodes but the kubelet never reported Ready: look for kubelet errors in the exported logs.",
        details: waited.tail.slice(-10)
      }
    );
  return new TarmacError(
    "CLUSTER_NOT_READY",
    `kubectl could not check whether the nodes of kind cluster ${deps.name} are Ready: it failed after ${formatDuration(waited.durationMs)}, without waiting: ${line}`,
    {
      exitCode: ExitCode.infrastructure,
      hint: `Nothing timed out: kubectl failed at once. Check the kubeconfig tarmac wrote (${deps.kubeconfig}) and that the cluster's API server answers.`,
      details: waited.tail.slice(-10)
    }
  );
}
export {
  verifyReady
};
//# sourceMappingURL=verify-ready.js.map
