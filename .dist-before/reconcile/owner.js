import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "../files/private.js";
import { ownerFile, runDir } from "../journal/run-dir.js";
import { currentIdentity } from "./liveness.js";
function claimRun(stateDir, runId, command, probe, now = Date.now()) {
  const dir = runDir(stateDir, runId);
  makePrivateDir(stateDir);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const owner = { ...currentIdentity(probe), startedAt: now, command };
  const file = ownerFile(dir);
  const temp = `${file}.${probe.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(owner)}
`, { mode: PRIVATE_FILE_MODE });
  renameSync(temp, file);
  return owner;
}
function readRunOwner(dir) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(ownerFile(dir), "utf8"));
  } catch {
    return void 0;
  }
  if (typeof parsed.pid !== "number" || typeof parsed.host !== "string" || typeof parsed.startedAt !== "number")
    return void 0;
  return { ...parsed, command: typeof parsed.command === "string" ? parsed.command : "?" };
}
export {
  claimRun,
  readRunOwner
};
//# sourceMappingURL=owner.js.map
