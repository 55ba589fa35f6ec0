import { resolvePort } from "./pod-spec.js";
import { asNumber, asRecord, asRecords, asString, asStringMap } from "./shape.js";
import { sourceOf } from "./workloads.js";
function bindServices(services, workloads, local) {
  const bindings = [];
  const problems = [];
  for (const item of services) {
    const name = item.object.metadata.name;
    const where = `Service ${name} (${sourceOf(item)})`;
    const mine = local.services.has(item);
    const spec = asRecord(item.object.spec) ?? {};
    if (asString(spec.type) === "ExternalName") continue;
    const selector = asStringMap(spec.selector);
    if (Object.keys(selector).length === 0) {
      if (mine)
        problems.push(`${where} has no selector: the podman target routes a Service only to the pods it selects`);
      continue;
    }
    const selected = workloads.filter((w) => Object.entries(selector).every(([key, value]) => w.labels[key] === value));
    if (selected.length === 0) {
      if (mine)
        problems.push(
          `${where} selects no workload of any deploy group of the env (selector ${JSON.stringify(selector)}): on the podman target its name would resolve to nothing`
        );
      continue;
    }
    const ports = [];
    for (const port of asRecords(spec.ports)) {
      const number = asNumber(port.port);
      if (number === void 0) {
        if (mine) problems.push(`${where}: a port has no number`);
        continue;
      }
      const target = port.targetPort ?? number;
      for (const workload of selected) {
        if (!mine && !local.workloads.has(workload)) continue;
        const resolved = resolvePort(workload.spec, target);
        if (resolved === void 0)
          problems.push(
            `${where}: targetPort ${JSON.stringify(target)} is not a container port name of ${workload.ref.kind}/${workload.ref.name}`
          );
        else if (resolved !== number) problems.push(portMismatch(where, number, resolved));
      }
      ports.push(number);
    }
    bindings.push({ name, source: sourceOf(item), workloads: selected, ports });
  }
  return { bindings, problems };
}
function portMismatch(where, port, target) {
  return `${where} maps port ${port} to targetPort ${target}: without a cluster there is no service proxy, clients reach the pod directly, so port must equal targetPort. Fix: set port: ${target} (and use ${target} in the URLs that name this Service), or make the container listen on ${port}`;
}
export {
  bindServices
};
//# sourceMappingURL=services.js.map
