import { chmodSync, closeSync, mkdirSync, openSync } from "node:fs";
const PRIVATE_DIR_MODE = 448;
const PRIVATE_FILE_MODE = 384;
function makePrivateDir(dir) {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}
function makePrivateFile(file) {
  closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}
export {
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  makePrivateDir,
  makePrivateFile
};
//# sourceMappingURL=private.js.map
