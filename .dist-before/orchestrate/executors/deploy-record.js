import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makePrivateDir, PRIVATE_FILE_MODE } from "../../files/private.js";
import { containersOf } from "../../kube/pod-specs.js";
const dir = (stateDir) => join(stateDir, "applied");
const file = (stateDir, group) => join(dir(stateDir), `${group}.json`);
function applyKey(target, group, envGroups) {
  const others = target.type === "podman" ? envGroups.filter((g) => g.name !== group.name).sort((a, b) => a.name.localeCompare(b.name)).map((g) => ({ group: g.name, objects: g.objects.map((o) => withoutImages(o.object)) })) : [];
  return createHash("sha256").update(
    JSON.stringify({ target: target.type, name: target.name, objects: group.objects.map((o) => o.object), others })
  ).digest("hex");
}
function withoutImages(object) {
  const copy = structuredClone(object);
  for (const container of containersOf(copy)) delete container.image;
  return copy;
}
function lastAppliedKey(stateDir, group) {
  const path = file(stateDir, group);
  if (!existsSync(path)) return void 0;
  try {
    const record = JSON.parse(readFileSync(path, "utf8"));
    return typeof record.key === "string" ? record.key : void 0;
  } catch {
    return void 0;
  }
}
function recordApplied(stateDir, group, key, runId) {
  makePrivateDir(dir(stateDir));
  const path = file(stateDir, group);
  const tmp = `${path}.${process.pid}.tmp`;
  const record = { key, runId, at: (/* @__PURE__ */ new Date()).toISOString() };
  writeFileSync(tmp, `${JSON.stringify(record)}
`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, path);
}
function forgetApplied(stateDir) {
  rmSync(dir(stateDir), { recursive: true, force: true });
}
export {
  applyKey,
  forgetApplied,
  lastAppliedKey,
  recordApplied
};
//# sourceMappingURL=deploy-record.js.map
