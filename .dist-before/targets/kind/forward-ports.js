import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { writePrivateFile } from "./paths.js";
function forwardKey(sp) {
  return `${sp.namespace}/${sp.service}:${String(sp.port)}`;
}
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
class PortBook {
  constructor(file) {
    this.file = file;
  }
  file;
  ports;
  /** The kept port of `key` when it is still free, else a new free port (which is then kept). */
  async portFor(key) {
    const kept = this.read()[key];
    if (kept !== void 0 && await portIsFree(kept)) return kept;
    const port = await freePort();
    await this.keep(key, port);
    return port;
  }
  /** The kept port of `key`, if any, without checking it. */
  kept(key) {
    return this.read()[key];
  }
  read() {
    if (this.ports) return this.ports;
    this.ports = {};
    if (!existsSync(this.file)) return this.ports;
    try {
      const parsed = JSON.parse(readFileSync(this.file, "utf8"));
      for (const [key, value] of Object.entries(parsed))
        if (Number.isInteger(value)) this.ports[key] = value;
    } catch {
    }
    return this.ports;
  }
  async keep(key, port) {
    const ports = { ...this.read(), [key]: port };
    this.ports = ports;
    await writePrivateFile(this.file, `${JSON.stringify(ports, null, 2)}
`);
  }
}
export {
  PortBook,
  forwardKey,
  freePort,
  portIsFree
};
//# sourceMappingURL=forward-ports.js.map
