import { targetEvidence } from "../../targets/evidence.js";
import { requireEngine } from "./context.js";
import { RawLog } from "./raw-log.js";
const workloadsCollector = {
  name: "workloads",
  applies: (ctx) => ctx.env !== void 0 && ctx.engine !== void 0,
  async collect(ctx, signal) {
    const log = new RawLog();
    const { env, engine } = ctx;
    if (!env || !engine) return { data: { pods: [] }, raw: "" };
    await requireEngine(ctx);
    const data = await targetEvidence(ctx.target ?? "podman").workloads({
      env,
      engine,
      runner: ctx.runner,
      log,
      signal
    });
    return { data, raw: log.text() };
  }
};
export {
  workloadsCollector
};
//# sourceMappingURL=workloads.js.map
