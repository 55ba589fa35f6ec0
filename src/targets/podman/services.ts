// Services on podman: there is no service proxy, so a Service name becomes a DNS alias of the pods
// it selects on the env network, and clients connect straight to the pod. That only works when the
// Service's port equals the port the pod listens on (its targetPort); anything else fails here, at
// apply time, naming the file and the fix.
import type { SourcedObject } from '../../kube/types.js';
import { resolvePort } from './pod-spec.js';
import { asNumber, asRecord, asRecords, asString, asStringMap } from './shape.js';
import { sourceOf, type Workload } from './workloads.js';

/** A Service as the podman target realises it. */
export interface ServiceBinding {
  name: string;
  source: string;
  /** The workloads whose pods get the Service name as a DNS alias. */
  workloads: Workload[];
  /** Ports (== targetPorts) the Service exposes; the first one is its endpoint for the host. */
  ports: number[];
}

/** Which Services and workloads belong to the group being applied (problems are reported there). */
export interface Local {
  services: ReadonlySet<SourcedObject>;
  workloads: ReadonlySet<Workload>;
}

/**
 * Binds every Service of the env to the workloads of the env it selects (a Service may sit in any
 * group); returns the bindings and one problem line per mistake that concerns the local group.
 */
export function bindServices(
  services: readonly SourcedObject[],
  workloads: readonly Workload[],
  local: Local,
): { bindings: ServiceBinding[]; problems: string[] } {
  const bindings: ServiceBinding[] = [];
  const problems: string[] = [];
  for (const item of services) {
    const name = item.object.metadata.name;
    const where = `Service ${name} (${sourceOf(item)})`;
    const mine = local.services.has(item);
    const spec = asRecord(item.object.spec) ?? {};
    if (asString(spec.type) === 'ExternalName') continue;
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
          `${where} selects no workload of any deploy group of the env (selector ${JSON.stringify(selector)}): on the podman target its name would resolve to nothing`,
        );
      continue;
    }
    const ports: number[] = [];
    for (const port of asRecords(spec.ports)) {
      const number = asNumber(port.port);
      if (number === undefined) {
        if (mine) problems.push(`${where}: a port has no number`);
        continue;
      }
      const target = port.targetPort ?? number;
      for (const workload of selected) {
        if (!mine && !local.workloads.has(workload)) continue;
        const resolved = resolvePort(workload.spec, target);
        if (resolved === undefined)
          problems.push(
            `${where}: targetPort ${JSON.stringify(target)} is not a container port name of ${workload.ref.kind}/${workload.ref.name}`,
          );
        else if (resolved !== number) problems.push(portMismatch(where, number, resolved));
      }
      ports.push(number);
    }
    bindings.push({ name, source: sourceOf(item), workloads: selected, ports });
  }
  return { bindings, problems };
}

function portMismatch(where: string, port: number, target: number): string {
  return (
    `${where} maps port ${port} to targetPort ${target}: without a cluster there is no service proxy, ` +
    `clients reach the pod directly, so port must equal targetPort. Fix: set port: ${target} (and use ${target} in the URLs that name this Service), ` +
    `or make the container listen on ${port}`
  );
}
