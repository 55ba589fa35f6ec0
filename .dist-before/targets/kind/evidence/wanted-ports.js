import { readFile } from "node:fs/promises";
import { parse } from "yaml";
function kindConfigPorts(config, cluster) {
  const out = [];
  const doc = config ?? {};
  const nodes = Array.isArray(doc.nodes) ? doc.nodes : [];
  for (const node of nodes) {
    const mappings = node?.extraPortMappings;
    for (const m of Array.isArray(mappings) ? mappings : []) {
      const mapping = m ?? {};
      if (typeof mapping.hostPort !== "number" || mapping.hostPort <= 0) continue;
      const address = typeof mapping.listenAddress === "string" ? mapping.listenAddress : "0.0.0.0";
      out.push({
        port: mapping.hostPort,
        address,
        wantedBy: `kind extraPortMappings (containerPort ${String(mapping.containerPort)})`,
        owner: `${cluster}-`
      });
    }
  }
  const api = doc.networking?.apiServerPort;
  if (typeof api === "number" && api > 0) {
    const address = typeof doc.networking?.apiServerAddress === "string" ? doc.networking.apiServerAddress : "127.0.0.1";
    out.push({ port: api, address, wantedBy: "kind API server (networking.apiServerPort)", owner: `${cluster}-` });
  }
  return out;
}
async function kindWantedPorts(env) {
  if (!env.cluster.kindConfig) return [];
  try {
    return kindConfigPorts(parse(await readFile(env.cluster.kindConfig, "utf8")), env.cluster.name);
  } catch {
    return [];
  }
}
export {
  kindConfigPorts,
  kindWantedPorts
};
//# sourceMappingURL=wanted-ports.js.map
