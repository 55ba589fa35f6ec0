import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { makePrivateDir, PRIVATE_FILE_MODE } from "../files/private.js";
import { join } from "node:path";
import { forgetApplied } from "./executors/deploy-record.js";
const file = (stateDir) => join(stateDir, "state.json");
function writeEnvState(stateDir, state) {
  makePrivateDir(stateDir);
  const tmp = `${file(stateDir)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}
`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, file(stateDir));
}
function readEnvState(stateDir) {
  if (!existsSync(file(stateDir))) return void 0;
  return JSON.parse(readFileSync(file(stateDir), "utf8"));
}
function clearEnvState(stateDir) {
  rmSync(file(stateDir), { force: true });
  forgetApplied(stateDir);
}
export {
  clearEnvState,
  readEnvState,
  writeEnvState
};
//# sourceMappingURL=env-state.js.map
