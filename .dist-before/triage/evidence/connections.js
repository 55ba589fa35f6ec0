import { obj, str } from "../../engines/json-fields.js";
import { RawLog } from "./raw-log.js";
const connectionsCollector = {
  name: "connections",
  applies: () => true,
  async collect(ctx, signal) {
    const raw = new RawLog();
    const hostEnv = hostVariable(ctx.processEnv, ctx.engine?.env);
    if (hostEnv) raw.note(hostEnv);
    if (ctx.engine?.name === "docker")
      return { data: { connections: [], ...hostEnv ? { hostEnv } : {} }, raw: raw.text() };
    const args = ["system", "connection", "list", "--format", "json"];
    const result = ctx.engine ? await ctx.engine.exec(args, { hostLocal: true, signal }) : await ctx.runner("podman", args, { signal, env: {} });
    raw.result(result);
    if (!result.ok) throw new Error(result.stderr.trim().split("\n").at(-1) ?? `exit ${String(result.exitCode)}`);
    return { data: { connections: parseConnections(result), ...hostEnv ? { hostEnv } : {} }, raw: raw.text() };
  }
};
function parseConnections(result) {
  const parsed = JSON.parse(result.stdout.trim() || "[]");
  return (Array.isArray(parsed) ? parsed : []).map((entry) => {
    const c = obj(entry);
    return { name: str(c.Name) ?? "?", uri: str(c.URI) ?? "", isDefault: c.Default === true };
  });
}
function hostVariable(processEnv, engineEnv = {}) {
  for (const name of ["CONTAINER_HOST", "DOCKER_HOST"]) {
    const value = engineEnv[name] ?? processEnv[name];
    if (value) return `${name}=${value}`;
  }
  return void 0;
}
export {
  connectionsCollector,
  hostVariable,
  parseConnections
};
//# sourceMappingURL=connections.js.map
