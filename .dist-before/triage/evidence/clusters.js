import { targetEvidence } from "../../targets/evidence.js";
import { requireEngine } from "./context.js";
import { RawLog } from "./raw-log.js";
const clustersCollector = {
  name: "clusters",
  applies: (ctx) => ctx.env !== void 0 && ctx.engine !== void 0,
  async collect(ctx, signal) {
    const log = new RawLog();
    const { env, engine } = ctx;
    if (!env || !engine) return { data: [], raw: "" };
    await requireEngine(ctx);
    const facts = await targetEvidence(ctx.target ?? "podman").cluster({
      env,
      engine,
      runner: ctx.runner,
      log,
      signal
    });
    return { data: [facts], raw: log.text() };
  }
};
export {
  clustersCollector
};
//# sourceMappingURL=clusters.js.map
