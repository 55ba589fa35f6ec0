import { readFile } from "node:fs/promises";
import { parse } from "yaml";
function nodeRoles(config) {
  const nodes = config?.nodes;
  if (!Array.isArray(nodes) || nodes.length === 0) return ["control-plane"];
  return nodes.map((node) => node?.role === "worker" ? "worker" : "control-plane");
}
function expectedNodeNames(cluster, roles) {
  const counters = /* @__PURE__ */ new Map();
  const nameFor = (role) => {
    const n = (counters.get(role) ?? 0) + 1;
    counters.set(role, n);
    return `${cluster}-${role}${n === 1 ? "" : String(n)}`;
  };
  const names = [];
  if (roles.filter((role) => role === "control-plane").length > 1) names.push(nameFor("external-load-balancer"));
  for (const role of roles) names.push(nameFor(role));
  return names;
}
async function expectedNodesFromFile(cluster, configFile) {
  if (configFile === void 0) return expectedNodeNames(cluster, ["control-plane"]);
  try {
    return expectedNodeNames(cluster, nodeRoles(parse(await readFile(configFile, "utf8"))));
  } catch {
    return void 0;
  }
}
export {
  expectedNodeNames,
  expectedNodesFromFile,
  nodeRoles
};
//# sourceMappingURL=kind-config.js.map
