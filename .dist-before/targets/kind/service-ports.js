import { ExitCode, TarmacError } from "../../errors/errors.js";
import { kindErrorLine, QUICK_MS } from "./kind-tools.js";
const KIND_NAMESPACES = /* @__PURE__ */ new Set(["kube-system", "kube-public", "kube-node-lease", "local-path-storage"]);
function servicePortsFrom(list) {
  const items = list?.items;
  const services = (Array.isArray(items) ? items : []).map((s) => ({ s, namespace: s.metadata?.namespace ?? "default", name: s.metadata?.name ?? "" })).filter(({ s, namespace, name }) => forwardable(s, namespace, name)).sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const count = /* @__PURE__ */ new Map();
  for (const { name } of services) count.set(name, (count.get(name) ?? 0) + 1);
  return services.flatMap(({ s, namespace, name }) => {
    const base = (count.get(name) ?? 0) > 1 ? `${name}.${namespace}` : name;
    const tcp = (s.spec?.ports ?? []).filter((p) => (p.protocol ?? "TCP") === "TCP" && typeof p.port === "number");
    return tcp.map((p, i) => ({
      namespace,
      service: name,
      port: p.port,
      endpoint: i === 0 ? base : `${base}-${String(p.port)}`
    }));
  });
}
function forwardable(s, namespace, name) {
  if (name === "" || KIND_NAMESPACES.has(namespace)) return false;
  if (namespace === "default" && name === "kubernetes") return false;
  return Object.keys(s.spec?.selector ?? {}).length > 0;
}
async function listServicePorts(tools, signal) {
  const result = await tools.kubectl(["get", "services", "-A", "-o", "json"], { timeoutMs: QUICK_MS, signal });
  if (!result.ok) {
    throw new TarmacError("CLUSTER_UNREACHABLE", `could not list the Services: ${kindErrorLine(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: "Check the cluster with `tarmac status`.",
      details: result.tail.slice(-5)
    });
  }
  try {
    return servicePortsFrom(JSON.parse(result.stdout));
  } catch (cause) {
    throw new TarmacError("CLUSTER_UNREACHABLE", "`kubectl get services -o json` did not print JSON", { cause });
  }
}
export {
  listServicePorts,
  servicePortsFrom
};
//# sourceMappingURL=service-ports.js.map
