import { existsSync, readFileSync } from "node:fs";
import { num, obj } from "../../../engines/json-fields.js";
import { ClusterRecords, stillOurs } from "../cluster-record.js";
import { CLUSTER_LABEL, ROLE_LABEL } from "../kind-deps.js";
import { KindTools, kindErrorLine } from "../kind-tools.js";
import { kubeconfigPath, writePrivateFile } from "../paths.js";
const CALL_MS = 4e3;
const LOG_TAIL = 20;
async function kindClusterFacts(deps) {
  const { env, engine, runner, log: raw, signal } = deps;
  const name = env.cluster.name;
  const kubeconfig = kubeconfigPath(env.stateDir, name);
  const tools = new KindTools(runner, engine, kubeconfig);
  const [clusters, nodes, record] = await Promise.all([
    tools.kind(["get", "clusters"], { timeoutMs: CALL_MS, signal }),
    engine.listContainers({ [CLUSTER_LABEL]: name }, signal),
    new ClusterRecords(env.stateDir).get(name).catch(() => void 0)
  ]);
  raw.result(clusters);
  if (!clusters.ok) throw new Error(`kind get clusters failed: ${kindErrorLine(clusters)}`);
  raw.note(
    `node containers labelled ${CLUSTER_LABEL}=${name}: ${nodes.map((n) => `${n.names[0] ?? n.id} (${n.state})`).join(", ") || "none"}`
  );
  const facts = {
    target: "kind",
    name,
    listed: listsCluster(clusters.stdout, name),
    createdByTarmac: stillOurs(
      record,
      nodes.map((n) => n.id)
    ),
    nodes: await nodeFacts(engine, nodes, raw, signal)
  };
  const api = await apiFacts(tools, name, nodes, raw, signal);
  return api ? { ...facts, api } : facts;
}
function listsCluster(stdout, name) {
  return stdout.split("\n").some((line) => line.trim() === name);
}
async function nodeFacts(engine, nodes, raw, signal) {
  const exec = (args, tailLines) => engine.exec(args, { signal, timeoutMs: CALL_MS, ...tailLines ? { tailLines } : {} });
  const stopped = nodes.filter((n) => n.state !== "running");
  const exitCodes = stopped.length > 0 ? parseExitCodes(await exec(["container", "inspect", ...stopped.map((n) => n.id)])) : /* @__PURE__ */ new Map();
  return Promise.all(
    nodes.map(async (node) => {
      const name = node.names[0] ?? node.id.slice(0, 12);
      if (node.state === "running") return { name, state: node.state };
      const logs = await exec(["logs", "--tail", String(LOG_TAIL), node.id], LOG_TAIL);
      raw.result(logs);
      const exitCode = exitCodes.get(node.id);
      return {
        name,
        state: node.state || "unknown",
        ...exitCode === void 0 ? {} : { exitCode },
        logTail: logs.tail
      };
    })
  );
}
function parseExitCodes(result) {
  const out = /* @__PURE__ */ new Map();
  if (!result.ok) return out;
  const parsed = JSON.parse(result.stdout.trim() || "[]");
  for (const entry of Array.isArray(parsed) ? parsed : [parsed]) {
    const c = obj(entry);
    const code = num(obj(c.State).ExitCode);
    const id = typeof c.Id === "string" ? c.Id : void 0;
    if (id !== void 0 && code !== void 0) out.set(id, code);
  }
  return out;
}
async function apiFacts(tools, name, nodes, raw, signal) {
  const apiNode = nodes.find((n) => n.labels[ROLE_LABEL] === "external-load-balancer") ?? nodes.find((n) => n.labels[ROLE_LABEL] === "control-plane");
  if (apiNode?.state === "running") {
    const exported = await tools.kind(["get", "kubeconfig", "--name", name], { timeoutMs: CALL_MS, signal });
    raw.note(`$ ${exported.command}  (exit ${String(exported.exitCode)})`);
    if (exported.ok) await writePrivateFile(tools.kubeconfig, `${exported.stdout}
`);
  }
  if (!existsSync(tools.kubeconfig))
    return nodes.length === 0 ? void 0 : { ok: false, detail: `not checked: no kubeconfig at ${tools.kubeconfig}` };
  const url = serverOf(readFileSync(tools.kubeconfig, "utf8"));
  const result = await tools.kubectl(["--request-timeout=3s", "get", "--raw", "/readyz"], {
    timeoutMs: CALL_MS,
    signal
  });
  raw.result(result);
  const ok = result.ok && result.stdout.trim() === "ok";
  const detail = ok ? "/readyz: ok" : result.ok ? `/readyz answered ${JSON.stringify(result.stdout.slice(0, 80))}` : kindErrorLine(result);
  return { ...url ? { url } : {}, ok, detail };
}
function serverOf(kubeconfig) {
  return /^\s*server:\s*(\S+)/m.exec(kubeconfig)?.[1];
}
export {
  kindClusterFacts,
  listsCluster,
  parseExitCodes,
  serverOf
};
//# sourceMappingURL=cluster-facts.js.map
