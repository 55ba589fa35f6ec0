import { engineFailed } from "../engines/engine-error.js";
const WORKING = /-working-container(?:-\d+)?$/;
const WINDOW_BEFORE_MS = 5e3;
const WINDOW_AFTER_MS = 3e4;
const OP_TIMEOUT_MS = 3e4;
async function listWorkingContainers(engine, signal) {
  if (engine.name !== "podman") return [];
  const result = await engine.exec(["ps", "-a", "--external", "--format", "json"], {
    timeoutMs: OP_TIMEOUT_MS,
    ...signal ? { signal } : {}
  });
  if (!result.ok) throw engineFailed(engine.name, result, "Could not list build containers (podman ps -a --external)");
  return parseWorkingContainers(result.stdout);
}
function parseWorkingContainers(stdout) {
  const text = stdout.trim();
  if (text === "") return [];
  const items = JSON.parse(text);
  if (!Array.isArray(items)) return [];
  const out = [];
  for (const item of items) {
    const names = Array.isArray(item.Names) ? item.Names.filter((n) => typeof n === "string") : [];
    const name = names.find((n) => WORKING.test(n));
    if (name === void 0 || typeof item.Id !== "string") continue;
    out.push({
      id: item.Id,
      name,
      image: typeof item.Image === "string" ? item.Image : "",
      imageId: typeof item.ImageID === "string" ? item.ImageID : "",
      createdAt: typeof item.Created === "number" ? item.Created * 1e3 : 0
    });
  }
  return out;
}
function attributeContainers(containers, runs) {
  const attributed = [];
  const unattributed = [];
  for (const container of containers) {
    const match = runs.map((run) => ({ run, why: evidence(container, run) })).find((m) => m.why !== void 0);
    if (match?.why) attributed.push({ container, runId: match.run.id, why: match.why });
    else unattributed.push(container);
  }
  return { attributed, unattributed };
}
function evidence(container, run) {
  if (container.createdAt < run.startedAt - WINDOW_BEFORE_MS || container.createdAt > run.lastSignAt + WINDOW_AFTER_MS)
    return void 0;
  const layer = container.imageId === "" ? void 0 : run.traces.layerIds.find((id) => container.imageId.startsWith(id));
  if (layer !== void 0) return `its layer ${layer} is in the build log of run ${run.id}`;
  if (container.image !== "" && run.traces.fromRefs.includes(container.image))
    return `run ${run.id} built FROM ${container.image} then`;
  return void 0;
}
function fromEnvImage(container, imageNames) {
  const match = /(?:^|\/)([^/:]+):tm-[0-9a-f]{12}$/.exec(container.image);
  return match?.[1] !== void 0 && imageNames.includes(match[1]);
}
export {
  attributeContainers,
  fromEnvImage,
  listWorkingContainers,
  parseWorkingContainers
};
//# sourceMappingURL=working-containers.js.map
