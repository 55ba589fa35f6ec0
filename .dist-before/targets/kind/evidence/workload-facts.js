import { existsSync } from "node:fs";
import { podViewFromKubePod } from "../../../kube/pod-view.js";
import { isFailing, podFacts } from "../../../triage/evidence/pod-facts.js";
import { KindTools, kindErrorLine } from "../kind-tools.js";
import { kubeconfigPath } from "../paths.js";
const CALL_MS = 4e3;
async function kindPods(deps) {
  const { env, engine, runner, log: raw, signal } = deps;
  const kubeconfig = kubeconfigPath(env.stateDir, env.cluster.name);
  if (!existsSync(kubeconfig)) {
    raw.note(`no kubeconfig at ${kubeconfig}: the cluster was never created by tarmac here`);
    return { pods: [] };
  }
  const tools = new KindTools(runner, engine, kubeconfig);
  const [pods, events] = await Promise.all([
    tools.kubectl(["--request-timeout=3s", "get", "pods", "-A", "-o", "json"], { timeoutMs: CALL_MS, signal }),
    tools.kubectl(["--request-timeout=3s", "get", "events", "-A", "-o", "json"], { timeoutMs: CALL_MS, signal })
  ]);
  raw.result(pods);
  raw.result(events);
  if (!pods.ok) throw new Error(`kubectl get pods failed: ${kindErrorLine(pods)}`);
  const items = itemsOf(pods.stdout);
  const eventItems = events.ok ? itemsOf(events.stdout) : [];
  const facts = await Promise.all(
    items.map(async (item) => {
      const namespace = item.metadata?.namespace ?? "default";
      const view = podViewFromKubePod(item, {
        events: eventItems.filter(
          (e) => e.metadata?.namespace === namespace
        )
      });
      const facts2 = podFacts(view);
      if (!isFailing(facts2)) return facts2;
      const logs = await Promise.all(
        view.containers.map(async (c) => {
          const previous = c.restartCount > 0 ? ["--previous"] : [];
          const result = await tools.kubectl(
            ["--request-timeout=3s", "logs", "-n", namespace, view.name, "-c", c.name, "--tail", "20", ...previous],
            { timeoutMs: CALL_MS, signal, tailLines: 20 }
          );
          raw.result(result);
          return result.ok ? result.tail : [];
        })
      );
      return podFacts(view, logs.flat());
    })
  );
  const controllerEvents = controllerWarnings(eventItems);
  return { pods: facts, ...controllerEvents.length > 0 ? { controllerEvents } : {} };
}
function controllerWarnings(events) {
  return events.map(
    (e) => e
  ).filter((e) => e.type === "Warning" && e.involvedObject?.kind !== void 0 && e.involvedObject.kind !== "Pod").map((e) => `${e.involvedObject.kind}/${e.involvedObject.name ?? "?"} ${e.reason ?? ""}: ${e.message ?? ""}`).slice(-10);
}
function itemsOf(text) {
  const items = JSON.parse(text || "{}").items;
  return Array.isArray(items) ? items : [];
}
export {
  controllerWarnings,
  kindPods
};
//# sourceMappingURL=workload-facts.js.map
