import { readFileSync } from "node:fs";
import path from "node:path";
import { parseIgnoreFile } from "./docker-ignore.js";
import { contextReadError, isVanished } from "./fs-errors.js";
const IGNORE_FILE_NAMES = [".containerignore", ".dockerignore"];
function readContextIgnore(root) {
  for (const name of IGNORE_FILE_NAMES) {
    try {
      return { file: name, rules: parseIgnoreFile(readFileSync(path.join(root, name), "utf8")) };
    } catch (err) {
      if (isVanished(err)) continue;
      throw contextReadError(root, name, err);
    }
  }
  return { file: void 0, rules: [] };
}
export {
  IGNORE_FILE_NAMES,
  readContextIgnore
};
//# sourceMappingURL=ignore-file.js.map
