import { createServer } from "node:net";
import { containersOf, portsOf } from "./pod-spec.js";
import { asNumber, asRecord, asRecords, clone } from "./shape.js";
const HOST_IP = "127.0.0.1";
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, HOST_IP, () => server.close(() => resolve(true)));
  });
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST_IP, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => port > 0 ? resolve(port) : reject(new Error("no free port")));
    });
  });
}
async function chooseHostPorts(containerPorts, previous) {
  const chosen = {};
  for (const port of containerPorts) {
    const before = previous[String(port)];
    chosen[String(port)] = before !== void 0 && await portIsFree(before) ? before : await freePort();
  }
  return chosen;
}
function withHostPorts(pod, hostPorts) {
  const copy = clone(pod);
  const containers = containersOf(asRecord(copy.spec) ?? {});
  for (const [key, hostPort] of Object.entries(hostPorts)) {
    const containerPort = Number(key);
    const owner = containers.find((c) => portsOf(c).some((p) => p.containerPort === containerPort)) ?? containers[0];
    if (!owner) continue;
    const ports = asRecords(owner.ports);
    const entry = ports.find((p) => asNumber(p.containerPort) === containerPort);
    if (entry) {
      if (entry.hostPort === void 0) Object.assign(entry, { hostPort, hostIP: HOST_IP });
    } else {
      ports.push({ containerPort, hostPort, hostIP: HOST_IP });
    }
    owner.ports = ports;
  }
  return copy;
}
export {
  chooseHostPorts,
  freePort,
  portIsFree,
  withHostPorts
};
//# sourceMappingURL=host-ports.js.map
