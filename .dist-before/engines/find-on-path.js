import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
function findOnPath(bin, env) {
  const extensions = process.platform === "win32" ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";")] : [""];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const ext of extensions) {
      const candidate = join(dir, bin + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return void 0;
}
function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
export {
  findOnPath
};
//# sourceMappingURL=find-on-path.js.map
