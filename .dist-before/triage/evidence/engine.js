import { obj, num, str, stringList } from "../../engines/json-fields.js";
import { RawLog } from "./raw-log.js";
const engineCollector = {
  name: "engine",
  applies: () => true,
  async collect(ctx) {
    const raw = new RawLog();
    const engine = ctx.engine;
    if (!engine) {
      raw.note("no podman or docker binary on PATH");
      return {
        data: {
          name: "podman",
          reachable: false,
          hung: false,
          probeMs: 0,
          error: "no podman or docker binary on PATH"
        },
        raw: raw.text()
      };
    }
    const infoPromise = ctx.engineInfo();
    const health = await ctx.engineHealth();
    raw.note(`$ ${engine.commandLine(["version", "--format", "json"])}
${health.detail} (${health.durationMs}ms)`);
    let info;
    if (health.ok) {
      try {
        info = await infoPromise;
        raw.note(`$ ${engine.commandLine(["info", "--format", "json"])}
${JSON.stringify(info.raw, null, 2)}`);
      } catch (error) {
        raw.note(
          `$ ${engine.commandLine(["info", "--format", "json"])}
${error instanceof Error ? error.message : String(error)}`
        );
      }
    }
    return { data: engineFacts(engine.name, health, info), raw: raw.text() };
  }
};
function engineFacts(name, health, info) {
  const hung = !health.ok && health.timedOut === true;
  const facts = { name, reachable: health.ok, hung, probeMs: health.durationMs };
  if (!health.ok) return { ...facts, error: health.detail };
  const version = /^\S+ (\S+)/.exec(health.detail)?.[1];
  if (version) facts.version = version;
  if (!info) return facts;
  facts.version = info.version;
  facts.rootless = info.rootless;
  if (info.cpus !== void 0) facts.cpus = info.cpus;
  if (info.memTotalBytes !== void 0) facts.memTotalBytes = info.memTotalBytes;
  if (info.storageRoot !== void 0) facts.graphRoot = info.storageRoot;
  const raw = obj(info.raw);
  if (name === "podman") {
    const host = obj(raw.host);
    const controllers = stringList(host.cgroupControllers);
    if (Array.isArray(host.cgroupControllers)) facts.cgroupControllers = controllers;
    const free = num(host.memFree);
    if (free !== void 0) facts.memFreeBytes = free;
    const tmp = str(obj(raw.store).imageCopyTmpDir);
    if (tmp) facts.tmpDir = tmp;
  }
  return facts;
}
export {
  engineCollector,
  engineFacts
};
//# sourceMappingURL=engine.js.map
