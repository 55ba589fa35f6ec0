import { envPods } from "./inspect.js";
import { LABEL_PROJECT, LABEL_PROJECT_PATH, owned } from "../../engines/labels.js";
import { podmanOwnership } from "./names.js";
import { inspectNetwork } from "./network.js";
async function envStatus(cli, id, network, signal) {
  const info = await inspectNetwork(cli, network, signal);
  if (!info)
    return {
      exists: false,
      healthy: false,
      problems: [`network ${network} does not exist`],
      nodes: [],
      createdByTarmac: false
    };
  const problems = [];
  const owner = podmanOwnership(info.labels, id);
  const ours = owned(owner);
  if (owner === "other-checkout")
    problems.push(
      `network ${network} belongs to env ${id.env} of another checkout (${info.labels[LABEL_PROJECT_PATH] ?? `project ${info.labels[LABEL_PROJECT]}`})`
    );
  else if (!ours)
    problems.push(
      `network ${network} was not created by tarmac (it lacks the labels io.tarmac.env=${id.env}, io.tarmac.target=podman)`
    );
  if (!info.dnsEnabled)
    problems.push(`network ${network} has DNS disabled: pods cannot reach each other by Service name`);
  const pods = ours ? await envPods(cli, id, signal) : [];
  for (const pod of pods) if (pod.status !== "Running") problems.push(`pod ${pod.name} is ${pod.status}`);
  return {
    exists: true,
    healthy: ours && info.dnsEnabled,
    problems,
    nodes: pods.map((p) => ({ name: p.name, state: p.status })),
    createdByTarmac: ours
  };
}
export {
  envStatus
};
//# sourceMappingURL=status.js.map
