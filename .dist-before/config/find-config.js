import { existsSync } from "node:fs";
import path from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
const CONFIG_FILE_NAMES = ["tarmac.yaml", "tarmac.yml"];
function configFileIn(cwd) {
  return CONFIG_FILE_NAMES.map((name) => path.resolve(cwd, name)).find((candidate) => existsSync(candidate));
}
function findConfigFile(cwd) {
  const found = configFileIn(cwd);
  if (found !== void 0) return found;
  throw new TarmacError("CONFIG_NOT_FOUND", `No tarmac.yaml or tarmac.yml in ${cwd}`, {
    exitCode: ExitCode.usage,
    hint: "Run tarmac in the directory that holds tarmac.yaml, or pass the file with `-f <path>`."
  });
}
export {
  CONFIG_FILE_NAMES,
  configFileIn,
  findConfigFile
};
//# sourceMappingURL=find-config.js.map
