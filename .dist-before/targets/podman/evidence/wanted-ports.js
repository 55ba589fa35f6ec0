import { readFile } from "node:fs/promises";
import { statePaths } from "../state.js";
async function podmanWantedPorts(env) {
  try {
    const state = JSON.parse(await readFile(statePaths(env.stateDir).file, "utf8"));
    return Object.values(state.pods ?? {}).flatMap(
      (pod) => Object.entries(pod.hostPorts ?? {}).map(([containerPort, port]) => ({
        port,
        address: "127.0.0.1",
        wantedBy: `pod ${pod.name ?? "?"} (port ${containerPort})`,
        owner: pod.name ?? ""
      }))
    );
  } catch {
    return [];
  }
}
export {
  podmanWantedPorts
};
//# sourceMappingURL=wanted-ports.js.map
