import { asNumber, asRecord, asRecords, asString } from "./shape.js";
function containersOf(spec) {
  return asRecords(spec.containers);
}
function portsOf(container) {
  return asRecords(container.ports).flatMap((port) => {
    const number = asNumber(port.containerPort);
    const name = asString(port.name);
    return number === void 0 ? [] : [{ containerPort: number, ...name ? { name } : {} }];
  });
}
function resolvePort(spec, port) {
  const number = asNumber(port);
  if (number !== void 0) return number;
  const name = asString(port);
  if (name === void 0) return void 0;
  for (const container of containersOf(spec)) {
    const found = portsOf(container).find((p) => p.name === name);
    if (found) return found.containerPort;
  }
  return void 0;
}
function readinessProbeOf(spec, container) {
  const probe = asRecord(container.readinessProbe);
  if (!probe) return void 0;
  const timing = {
    initialDelaySeconds: asNumber(probe.initialDelaySeconds) ?? 0,
    periodSeconds: asNumber(probe.periodSeconds) ?? 10,
    timeoutSeconds: asNumber(probe.timeoutSeconds) ?? 1
  };
  const http = asRecord(probe.httpGet);
  if (http) {
    const port = requirePort(spec, http.port, container);
    const scheme = asString(http.scheme) === "HTTPS" ? "HTTPS" : "HTTP";
    return { action: { type: "httpGet", port, path: asString(http.path) ?? "/", scheme }, ...timing };
  }
  const tcp = asRecord(probe.tcpSocket);
  if (tcp) return { action: { type: "tcpSocket", port: requirePort(spec, tcp.port, container) }, ...timing };
  const exec = asRecord(probe.exec);
  if (exec) {
    const command = Array.isArray(exec.command) ? exec.command.filter((c) => typeof c === "string") : [];
    return { action: { type: "exec", command }, ...timing };
  }
  return void 0;
}
function requirePort(spec, port, container) {
  const resolved = resolvePort(spec, port);
  if (resolved === void 0) {
    throw new Error(
      `container ${asString(container.name) ?? "?"}: readinessProbe port ${JSON.stringify(port)} is not a number or a declared container port name`
    );
  }
  return resolved;
}
export {
  containersOf,
  portsOf,
  readinessProbeOf,
  resolvePort
};
//# sourceMappingURL=pod-spec.js.map
