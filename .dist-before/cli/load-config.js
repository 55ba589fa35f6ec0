import { resolve } from "node:path";
import { configFileIn, findConfigFile } from "../config/find-config.js";
import { loadEnvWithWarnings } from "../config/load.js";
async function loadCommandConfig(choice, cwd, ifPresent) {
  const file = choice.file ? resolve(cwd, choice.file) : ifPresent ? configFileIn(cwd) : findConfigFile(cwd);
  return file === void 0 ? void 0 : loadEnvWithWarnings(file, { cwd });
}
export {
  loadCommandConfig
};
//# sourceMappingURL=load-config.js.map
