import { join } from "node:path";
import { diskGuard } from "../disk/guard.js";
import { TarmacError } from "../errors/errors.js";
async function diskPreflight(deps, io) {
  const say = (message) => deps.bus.emit({ type: "decision", message });
  try {
    const result = await diskGuard({
      envName: deps.env.name,
      imageNames: deps.env.images.map((i) => i.name),
      ...deps.env.disk ? { disk: deps.env.disk } : {},
      engine: deps.engine,
      processEnv: io.env,
      signal: deps.signal,
      factsFile: join(deps.env.stateDir, "disk-facts.json")
    });
    for (const line of [...result.notes, ...result.lines]) say(line);
  } catch (err) {
    if (deps.signal.aborted) return;
    const detail = err instanceof TarmacError ? [err.message, ...err.details.slice(-1)].join(": ") : err instanceof Error ? err.message : String(err);
    say(`disk: free-space check skipped: ${detail.split("\n").join(" ")}`);
  }
}
export {
  diskPreflight
};
//# sourceMappingURL=disk-preflight.js.map
