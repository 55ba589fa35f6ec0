import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { openEngineLease } from "./engine-lease.js";
import { hostGate } from "./host-gate.js";
function openHostLease(options) {
  const { processEnv: e, bus } = options;
  if (e.TARMAC_HOST_LEASE === "off") return void 0;
  const hostCapacity = parseHostCapacity(e.TARMAC_HOST_CAPACITY);
  const lease = openEngineLease({
    dir: leaseDir(e),
    engineKey: engineKey(options.engine, e),
    capacity: options.capacity,
    ...hostCapacity === void 0 ? {} : { hostCapacity },
    runId: bus.runId,
    env: options.envName,
    onReclaim: (rows) => bus.emit({ type: "decision", message: reclaimMessage(rows) })
  });
  lease.inUse();
  return { gate: hostGate(lease, bus), path: lease.path, close: () => lease.close() };
}
function leaseDir(e) {
  if (e.TARMAC_LEASE_DIR) return e.TARMAC_LEASE_DIR;
  if (e.XDG_RUNTIME_DIR) return join(e.XDG_RUNTIME_DIR, "tarmac-leases");
  return join(tmpdir(), `tarmac-leases-${process.getuid?.() ?? "user"}`);
}
function engineKey(engine, e) {
  const vars = engine.name === "podman" ? ["CONTAINER_HOST", "CONTAINER_CONNECTION"] : ["DOCKER_HOST", "DOCKER_CONTEXT"];
  const endpoint = vars.map((v) => `${v}=${engine.env[v] ?? e[v] ?? ""}`);
  return [engine.name, ...engine.endpoint === "" ? [] : [engine.endpoint], ...endpoint].join(" ");
}
function parseHostCapacity(raw) {
  if (raw === void 0 || raw === "") return void 0;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 1) return n;
  throw new TarmacError(
    "INVALID_HOST_CAPACITY",
    `Expected TARMAC_HOST_CAPACITY to be a positive integer, got \`${raw}\``,
    {
      exitCode: ExitCode.usage,
      hint: "Set TARMAC_HOST_CAPACITY to the engine units all tarmac runs on this host may use together (e.g. 2), or unset it."
    }
  );
}
function reclaimMessage(rows) {
  const units = rows.reduce((sum, r) => sum + r.units, 0);
  const byPid = /* @__PURE__ */ new Map();
  for (const r of rows) byPid.set(r.pid, [...byPid.get(r.pid) ?? [], r]);
  const who = [...byPid].map(([pid, rs]) => `pid ${pid} (env ${rs[0].env}, run ${rs[0].runId}: ${rs.map((r) => r.stepId).join(", ")})`).join("; ");
  return `reclaimed ${units} host engine unit${units === 1 ? "" : "s"} held by tarmac ${who}, no longer running`;
}
export {
  engineKey,
  leaseDir,
  openHostLease,
  parseHostCapacity,
  reclaimMessage
};
//# sourceMappingURL=open-host-lease.js.map
