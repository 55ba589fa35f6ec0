// Publishing a pod's ports on 127.0.0.1: choosing free host ports and writing them into the pod
// spec as hostPort/hostIP, which `podman kube play` turns into port mappings of the pod.
import { freePort, portIsFree } from '../local-ports.js';
import type { KubeObject } from '../../kube/types.js';
import { containersOf, portsOf } from './pod-spec.js';
import { asNumber, asRecord, asRecords, clone } from './shape.js';

const HOST_IP = '127.0.0.1';

/** Host ports for `containerPorts`: the previous ones when still free, else fresh ones. */
export async function chooseHostPorts(
  containerPorts: number[],
  previous: Record<string, number>,
): Promise<Record<string, number>> {
  const chosen: Record<string, number> = {};
  for (const port of containerPorts) {
    const before = previous[String(port)];
    chosen[String(port)] = before !== undefined && (await portIsFree(before)) ? before : await freePort();
  }
  return chosen;
}

/** The pod with every port of `hostPorts` published on 127.0.0.1 (a hostPort the manifest sets is kept). */
export function withHostPorts(pod: KubeObject, hostPorts: Record<string, number>): KubeObject {
  const copy = clone(pod);
  const containers = containersOf(asRecord(copy.spec) ?? {});
  for (const [key, hostPort] of Object.entries(hostPorts)) {
    const containerPort = Number(key);
    const owner = containers.find((c) => portsOf(c).some((p) => p.containerPort === containerPort)) ?? containers[0];
    if (!owner) continue;
    const ports = asRecords(owner.ports);
    const entry = ports.find((p) => asNumber(p.containerPort) === containerPort);
    if (entry) {
      if (entry.hostPort === undefined) Object.assign(entry, { hostPort, hostIP: HOST_IP });
    } else {
      ports.push({ containerPort, hostPort, hostIP: HOST_IP });
    }
    owner.ports = ports;
  }
  return copy;
}
