import { num, obj, str } from "../../engines/json-fields.js";
import { RawLog } from "./raw-log.js";
const machineCollector = {
  name: "machine",
  applies: (ctx) => ctx.engine?.name !== "docker",
  async collect(ctx, signal) {
    const raw = new RawLog();
    const args = ["machine", "list", "--format", "json"];
    const result = ctx.engine ? await ctx.engine.exec(args, { hostLocal: true, signal }) : await ctx.runner("podman", args, { signal, env: {} });
    raw.result(result);
    return { data: parseMachineList(result), raw: raw.text() };
  }
};
function parseMachineList(result) {
  if (!result.ok) {
    if (/as root|not supported|unknown command|unrecognized command/i.test(result.stderr))
      return { exists: false, machines: [] };
    throw new Error(result.stderr.trim().split("\n").at(-1) ?? `podman machine list exited ${String(result.exitCode)}`);
  }
  const parsed = JSON.parse(result.stdout.trim() || "[]");
  const list = Array.isArray(parsed) ? parsed : [];
  const machines = list.map((entry) => {
    const m = obj(entry);
    const memory = num(m.Memory);
    const disk = num(m.DiskSize);
    const cpus = num(m.CPUs);
    return {
      name: str(m.Name) ?? "?",
      state: m.Running === true ? "running" : m.Starting === true ? "starting" : "stopped",
      ...typeof m.Rootful === "boolean" ? { rootful: m.Rootful } : {},
      // podman prints bytes (4.x as strings, 5.x as numbers).
      ...memory !== void 0 ? { memoryMiB: Math.round(memory / 2 ** 20) } : {},
      ...disk !== void 0 ? { diskGiB: Math.round(disk / 2 ** 30) } : {},
      ...cpus !== void 0 ? { cpus } : {}
    };
  });
  return { exists: machines.length > 0, machines };
}
export {
  machineCollector,
  parseMachineList
};
//# sourceMappingURL=machine.js.map
