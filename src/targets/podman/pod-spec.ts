// Reading the parts of a pod spec the podman target needs: containers, their ports and probes.
import { asNumber, asRecord, asRecords, asString, type Json } from './shape.js';

export interface ContainerPort {
  name?: string;
  containerPort: number;
}

/** A readiness probe, as the target evaluates it itself (podman 4.3.1 ignores readinessProbe). */
export type ProbeAction =
  | { type: 'httpGet'; port: number; path: string; scheme: 'HTTP' | 'HTTPS' }
  | { type: 'tcpSocket'; port: number }
  | { type: 'exec'; command: string[] };

export interface ReadinessProbe {
  action: ProbeAction;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
}

/** The containers of a pod spec (not its init containers). */
export function containersOf(spec: Json): Json[] {
  return asRecords(spec.containers);
}

/** A container's declared ports. */
export function portsOf(container: Json): ContainerPort[] {
  return asRecords(container.ports).flatMap((port) => {
    const number = asNumber(port.containerPort);
    const name = asString(port.name);
    return number === undefined ? [] : [{ containerPort: number, ...(name ? { name } : {}) }];
  });
}

/** Resolves a port given as a number or a container port name; undefined when a name is unknown. */
export function resolvePort(spec: Json, port: unknown): number | undefined {
  const number = asNumber(port);
  if (number !== undefined) return number;
  const name = asString(port);
  if (name === undefined) return undefined;
  for (const container of containersOf(spec)) {
    const found = portsOf(container).find((p) => p.name === name);
    if (found) return found.containerPort;
  }
  return undefined;
}

/** The container's readiness probe, or undefined when it has none; throws on a port name that does not exist. */
export function readinessProbeOf(spec: Json, container: Json): ReadinessProbe | undefined {
  const probe = asRecord(container.readinessProbe);
  if (!probe) return undefined;
  const timing = {
    initialDelaySeconds: asNumber(probe.initialDelaySeconds) ?? 0,
    periodSeconds: asNumber(probe.periodSeconds) ?? 10,
    timeoutSeconds: asNumber(probe.timeoutSeconds) ?? 1,
  };
  const http = asRecord(probe.httpGet);
  if (http) {
    const port = requirePort(spec, http.port, container);
    const scheme = asString(http.scheme) === 'HTTPS' ? 'HTTPS' : 'HTTP';
    return { action: { type: 'httpGet', port, path: asString(http.path) ?? '/', scheme }, ...timing };
  }
  const tcp = asRecord(probe.tcpSocket);
  if (tcp) return { action: { type: 'tcpSocket', port: requirePort(spec, tcp.port, container) }, ...timing };
  const exec = asRecord(probe.exec);
  if (exec) {
    const command = Array.isArray(exec.command) ? exec.command.filter((c): c is string => typeof c === 'string') : [];
    return { action: { type: 'exec', command }, ...timing };
  }
  return undefined;
}

function requirePort(spec: Json, port: unknown, container: Json): number {
  const resolved = resolvePort(spec, port);
  if (resolved === undefined) {
    throw new Error(
      `container ${asString(container.name) ?? '?'}: readinessProbe port ${JSON.stringify(port)} is not a number or a declared container port name`,
    );
  }
  return resolved;
}
