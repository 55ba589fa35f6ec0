import { createServer } from "node:net";
import { obj, num, str, stringList } from "../../engines/json-fields.js";
import { targetEvidence } from "../../targets/evidence.js";
import { portOwner } from "./port-owner.js";
import { RawLog } from "./raw-log.js";
const portsCollector = {
  name: "ports",
  applies: (ctx) => ctx.env !== void 0,
  async collect(ctx, signal) {
    const raw = new RawLog();
    const env = ctx.env;
    if (!env) return { data: { ports: [] }, raw: "" };
    const wanted = await targetEvidence(ctx.target ?? "podman").wantedPorts(env);
    raw.note(`wanted: ${wanted.map((w) => `${w.address}:${w.port} (${w.wantedBy})`).join(", ") || "none"}`);
    if (wanted.length === 0) return { data: { ports: [] }, raw: raw.text() };
    const engineUp = ctx.engine ? (await ctx.engineHealth()).ok : false;
    const ps = ctx.engine && engineUp ? await ctx.engine.exec(["ps", "--format", "json"], { signal, timeoutMs: 4e3 }) : void 0;
    if (ps) raw.result(ps);
    const holders = ps?.ok ? publishedPorts(ps) : /* @__PURE__ */ new Map();
    const free = await Promise.all(wanted.map((w) => canListen(w.port, w.address)));
    await Promise.all(
      wanted.map(async (w, i) => {
        if (free[i] || holders.has(w.port)) return;
        const owner = await portOwner(w.port);
        if (owner) holders.set(w.port, owner);
      })
    );
    return { data: portFacts(wanted, free, holders, ps?.ok === true), raw: raw.text() };
  }
};
function portFacts(wanted, free, holders, knowHolders) {
  return {
    ports: wanted.map((w, i) => {
      const inUse = free[i] === false;
      const holder = holders.get(w.port);
      const by = !inUse ? void 0 : holder ?? (knowHolders ? "a host process (no container publishes it)" : void 0);
      return {
        port: w.port,
        inUse,
        wantedBy: w.wantedBy,
        ...by ? { by } : {},
        ...inUse ? { ours: holder !== void 0 && w.owner !== "" && holder.startsWith(w.owner) } : {}
      };
    })
  };
}
function publishedPorts(result) {
  const out = /* @__PURE__ */ new Map();
  const parsed = JSON.parse(result.stdout.trim() || "[]");
  for (const entry of Array.isArray(parsed) ? parsed : []) {
    const c = obj(entry);
    const name = str(c.PodName) || stringList(c.Names)[0] || str(c.Id)?.slice(0, 12) || "?";
    for (const p of Array.isArray(c.Ports) ? c.Ports : []) {
      const port = num(obj(p).host_port);
      const range = num(obj(p).range) ?? 1;
      if (port !== void 0) for (let i = 0; i < range; i++) out.set(port + i, name);
    }
  }
  return out;
}
function canListen(port, address) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, address, () => server.close(() => resolve(true)));
  });
}
export {
  canListen,
  portFacts,
  portsCollector,
  publishedPorts
};
//# sourceMappingURL=ports.js.map
