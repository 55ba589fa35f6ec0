import { existsSync } from "node:fs";
import { stillOurs } from "./cluster-record.js";
import { expectedNodesFromFile } from "./kind-config.js";
import { CLUSTER_LABEL, ROLE_LABEL } from "./kind-deps.js";
import { kindErrorLine, QUICK_MS } from "./kind-tools.js";
import { writePrivateFile } from "./paths.js";
async function clusterListed(deps, signal) {
  const result = await deps.tools.mustKind(
    ["get", "clusters"],
    "Could not list kind clusters",
    { timeoutMs: QUICK_MS, signal },
    "Check that the container engine answers (`tarmac doctor`)."
  );
  return result.stdout.split("\n").some((line) => line.trim() === deps.name);
}
async function nodeContainers(deps, signal) {
  const nodes = await deps.engine.listContainers({ [CLUSTER_LABEL]: deps.name }, signal);
  return nodes.sort((a, b) => nodeName(a) < nodeName(b) ? -1 : 1);
}
function nodeName(node) {
  return node.names[0] ?? node.id.slice(0, 12);
}
function kubeNodes(nodes) {
  return nodes.filter((node) => node.labels[ROLE_LABEL] !== "external-load-balancer");
}
async function readStatus(deps, signal) {
  const [listed, nodes, record] = await Promise.all([
    clusterListed(deps, signal),
    nodeContainers(deps, signal),
    deps.records.get(deps.name)
  ]);
  const createdByTarmac = stillOurs(
    record,
    nodes.map((n) => n.id)
  );
  const view = nodes.map((n) => ({ name: nodeName(n), state: n.state }));
  if (!listed && nodes.length === 0) {
    return {
      nodes,
      state: {
        exists: false,
        healthy: false,
        problems: [`kind cluster ${deps.name} does not exist`],
        nodes: [],
        createdByTarmac: false
      }
    };
  }
  const problems = [];
  for (const node of nodes)
    if (node.state !== "running")
      problems.push(`node container ${nodeName(node)} is ${node.state || "in an unknown state"}`);
  const expected = await expectedNodesFromFile(deps.name, deps.env.cluster.kindConfig);
  for (const missing of (expected ?? []).filter((name) => !view.some((n) => n.name === name))) {
    problems.push(`node container ${missing} is missing (the kind config asks for it)`);
  }
  const readyz = await checkReadyz(deps, nodes, signal);
  if (readyz !== void 0) problems.push(readyz);
  return { nodes, state: { exists: true, healthy: problems.length === 0, problems, nodes: view, createdByTarmac } };
}
async function checkReadyz(deps, nodes, signal) {
  const apiNode = nodes.find((n) => n.labels[ROLE_LABEL] === "external-load-balancer") ?? nodes.find((n) => n.labels[ROLE_LABEL] === "control-plane");
  if (apiNode?.state === "running") {
    const exported = await deps.tools.kind(["get", "kubeconfig", "--name", deps.name], { timeoutMs: QUICK_MS, signal });
    if (!exported.ok) return `could not read the cluster's kubeconfig: ${kindErrorLine(exported)}`;
    await writePrivateFile(deps.kubeconfig, `${exported.stdout}
`);
  }
  if (!existsSync(deps.kubeconfig))
    return "API server not checked: no kubeconfig (no running control-plane node to read it from)";
  return readyzProblem(deps, signal);
}
async function readyzProblem(deps, signal) {
  const result = await deps.tools.kubectl(["--request-timeout=10s", "get", "--raw", "/readyz"], {
    timeoutMs: 15e3,
    signal
  });
  if (result.ok && result.stdout.trim() === "ok") return void 0;
  return `API server does not answer /readyz: ${result.ok ? `answered ${JSON.stringify(result.stdout.slice(0, 80))}` : kindErrorLine(result)}`;
}
export {
  clusterListed,
  kubeNodes,
  nodeContainers,
  nodeName,
  readStatus,
  readyzProblem
};
//# sourceMappingURL=cluster-status.js.map
