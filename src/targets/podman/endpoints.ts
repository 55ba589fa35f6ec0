// Service endpoints for the test command: each Service's port, published by its pod on 127.0.0.1.
// Read from the live port mappings, not from the state file alone, so a URL is never stale.
import { TarmacError } from '../../errors/errors.js';
import type { EnvListing } from './env-listing.js';
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
