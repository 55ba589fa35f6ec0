import { TarmacError } from "../../errors/errors.js";
import { envContainers, envPods } from "./inspect.js";
async function serviceEndpoints(cli, id, state, signal) {
  const services = Object.entries(state.services);
  if (services.length === 0) return {};
  const [pods, containers] = await Promise.all([envPods(cli, id, signal), envContainers(cli, id, signal)]);
  const endpoints = {};
  const missing = [];
  for (const [name, { pod, port }] of services.sort(([a], [b]) => a.localeCompare(b))) {
    const podId = pods.find((p) => p.name === pod)?.id;
    const address = containers.find((c) => c.podId === podId && c.hostPorts[String(port)])?.hostPorts[String(port)];
    if (address) endpoints[name] = `http://${address}`;
    else missing.push(`${name} (pod ${pod}, port ${port})`);
  }
  if (missing.length > 0) {
    throw new TarmacError("ENDPOINT_MISSING", `no host port is published for Service ${missing.join(", ")}`, {
      hint: "The pod is gone or was replaced outside tarmac; run `tarmac up` again."
    });
  }
  return endpoints;
}
export {
  serviceEndpoints
};
//# sourceMappingURL=endpoints.js.map
