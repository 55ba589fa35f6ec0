// Service endpoints for the test command: each Service's port, published by its pod on 127.0.0.1.
// Read from the live port mappings, not from the state file alone, so a URL is never stale.
import { TarmacError } from '../../errors/errors.js';
import type { EnvListing } from './env-listing.js';
import type { ContainerBrief } from './inspect.js';
import type { TargetState } from './state.js';

/** Service name -> `http://127.0.0.1:<host port>`, for every recorded Service whose pod is up (`listing`: read live). */
export async function serviceEndpoints(
  state: TargetState,
  listing: () => Promise<EnvListing>,
): Promise<Record<string, string>> {
  const services = Object.entries(state.services);
  if (services.length === 0) return {};
  // `podman ps` lists the published ports: no inspect needed.
  const { pods, listed: containers } = await listing();
  const endpoints: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, { pod, port }] of services.sort(([a], [b]) => a.localeCompare(b))) {
    const podId = pods.find((p) => p.name === pod)?.id;
    const address = containers.find((c) => c.podId === podId && c.hostPorts[String(port)])?.hostPorts[String(port)];
    if (address) endpoints[name] = `http://${address}`;
    else missing.push(`${name} (pod ${pod}, port ${port})`);
  }
  if (missing.length > 0) {
    throw new TarmacError('ENDPOINT_MISSING', `no host port is published for Service ${missing.join(', ')}`, {
      hint: 'The pod is gone or was replaced outside tarmac; run `tarmac up` again.',
    });
  }
  return endpoints;
}

/**
 * The endpoints `up` recorded, when `podman ps` shows each still live (issue 16: `tarmac test` reads them with one
 * `ps`, no `pod ps`): a running container of the env, in the Service's pod's group, publishing the Service's port on
 * the recorded host port. A host port is bound once per host, so only that pod's container can show that binding; a
 * port freed and taken by another process shows in no container of ours. Undefined when any is not so: the caller
 * lists the pods (serviceEndpoints), which names what is missing.
 */
export function recordedEndpoints(
  state: TargetState,
  containers: readonly ContainerBrief[],
): Record<string, string> | undefined {
  const endpoints: Record<string, string> = {};
  for (const [name, { pod, port }] of Object.entries(state.services).sort(([a], [b]) => a.localeCompare(b))) {
    const record = state.pods[pod];
    const hostPort = record?.hostPorts[String(port)];
    if (!record || hostPort === undefined) return undefined;
    const address = `127.0.0.1:${hostPort}`;
    const live = containers.some((c) => c.running && c.group === record.group && c.hostPorts[String(port)] === address);
    if (!live) return undefined;
    endpoints[name] = `http://${address}`;
  }
  return endpoints;
}
