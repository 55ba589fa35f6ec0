import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makePrivateDir, PRIVATE_FILE_MODE } from "../files/private.js";
const file = (stateDir) => join(stateDir, "reconciled.json");
function settledRuns(stateDir) {
  if (!existsSync(file(stateDir))) return /* @__PURE__ */ new Set();
  try {
    const ids = JSON.parse(readFileSync(file(stateDir), "utf8")).settled;
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : []);
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function unsettled(dead, settled) {
  return dead.filter((r) => !r.succeeded && !settled.has(r.id));
}
function settleRuns(stateDir, ids) {
  makePrivateDir(stateDir);
  const tmp = `${file(stateDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ settled: [...ids].sort() })}
`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file(stateDir));
}
export {
  settleRuns,
  settledRuns,
  unsettled
};
//# sourceMappingURL=settled.js.map
