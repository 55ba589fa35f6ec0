import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { stepsDir } from "../journal/run-dir.js";
const LAYER = /^--> (?:Using cache )?([0-9a-f]{11,64})\b/;
const FROM = /^STEP \d+\/\d+: FROM (\S+)/i;
function parseBuildLog(text) {
  const layerIds = /* @__PURE__ */ new Set();
  const fromRefs = /* @__PURE__ */ new Set();
  for (const line of text.split("\n")) {
    const layer = LAYER.exec(line.trim());
    if (layer?.[1]) layerIds.add(layer[1]);
    const from = FROM.exec(line.trim());
    if (from?.[1]) fromRefs.add(from[1]);
  }
  return { layerIds: [...layerIds], fromRefs: [...fromRefs] };
}
function runBuildTraces(runDir) {
  const steps = stepsDir(runDir);
  const traces = { layerIds: [], fromRefs: [] };
  if (!existsSync(steps)) return traces;
  for (const name of readdirSync(steps)) {
    if (!name.startsWith("build_") || !name.endsWith(".log")) continue;
    const one = parseBuildLog(readFileSync(join(steps, name), "utf8"));
    traces.layerIds.push(...one.layerIds);
    traces.fromRefs.push(...one.fromRefs);
  }
  return traces;
}
export {
  parseBuildLog,
  runBuildTraces
};
//# sourceMappingURL=build-traces.js.map
