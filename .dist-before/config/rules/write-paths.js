import { realpathSync } from "node:fs";
import path from "node:path";
import { isRawMap, text } from "./raw.js";
const WRITTEN = [
  { at: ["test", "junit"], what: "the test suite writes this JUnit file and tarmac clears it before each run" },
  { at: ["test", "cwd"], what: "the test suite runs (and writes) in this directory" },
  { at: ["history", "path"], what: "tarmac writes its run history to this SQLite file" }
];
function checkWritePaths(ctx) {
  const errors = [];
  const project = realOrSelf(ctx.dir);
  const configFile = path.join(project, ctx.fileName);
  for (const { at, what } of WRITTEN) {
    const section = isRawMap(ctx.data) ? ctx.data[at[0]] : void 0;
    const written = text(section, at[1]);
    if (written === void 0) continue;
    const where = [...at];
    const real = realPathOf(path.resolve(ctx.dir, written));
    if (real === configFile) {
      errors.push({
        path: where,
        message: `\`${written}\` is the config file itself; ${what}`,
        hint: "Name a file of its own, e.g. `e2e-results.xml` or `.tarmac/history.db`."
      });
    } else if (real !== project && !real.startsWith(`${project}${path.sep}`)) {
      errors.push({
        path: where,
        message: `\`${written}\` is outside the project (resolves to \`${real}\`); ${what}`,
        hint: `tarmac writes only inside the directory of ${ctx.fileName} (${project}); use a path under it, relative to ${ctx.fileName}.`
      });
    }
  }
  return { errors, warnings: [] };
}
function realPathOf(abs) {
  const missing = [];
  let current = abs;
  for (; ; ) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return abs;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
function realOrSelf(dir) {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}
export {
  checkWritePaths,
  realOrSelf,
  realPathOf
};
//# sourceMappingURL=write-paths.js.map
