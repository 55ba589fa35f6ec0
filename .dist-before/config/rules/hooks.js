import { statSync } from "node:fs";
import path from "node:path";
import { entries, isRawMap, text } from "./raw.js";
import { realOrSelf, realPathOf } from "./write-paths.js";
const PHASES = ["before", "after"];
function checkHooks(ctx) {
  const errors = [];
  const project = realOrSelf(ctx.dir);
  for (const { index, item } of entries(ctx.data, "deploy")) {
    const seen = /* @__PURE__ */ new Set();
    for (const when of PHASES) {
      for (const { index: h, item: hook } of entries(item.hooks, when)) {
        const at = ["deploy", index, "hooks", when, h];
        const name = text(hook, "name") ?? (hook.name === void 0 ? `${when}-${h + 1}` : void 0);
        if (name !== void 0 && seen.has(name))
          errors.push({
            path: hook.name === void 0 ? [...at] : [...at, "name"],
            message: `Two hooks of this group are named \`${name}\`${hook.name === void 0 ? " (the default name of this one)" : ""}`,
            hint: "Give each hook of a group its own `name:`; its step is `hook:<group>/<name>`."
          });
        if (name !== void 0) seen.add(name);
        const cwd = text(hook, "cwd");
        if (cwd !== void 0) errors.push(...cwdProblems(ctx, project, [...at, "cwd"], cwd));
      }
    }
  }
  return { errors, warnings: [] };
}
function cwdProblems(ctx, project, where, cwd) {
  const abs = path.resolve(ctx.dir, cwd);
  const real = realPathOf(abs);
  if (real !== project && !real.startsWith(`${project}${path.sep}`))
    return [
      {
        path: where,
        message: `\`${cwd}\` is outside the project (resolves to \`${real}\`); the hook runs (and writes) in this directory`,
        hint: `Use a directory under the directory of ${ctx.fileName} (${project}), relative to ${ctx.fileName}.`
      }
    ];
  if (statSync(abs, { throwIfNoEntry: false })?.isDirectory() !== true)
    return [
      {
        path: where,
        message: `Hook working directory \`${cwd}\` is not a directory`,
        hint: `Create the directory or fix the path; relative paths are resolved against the directory of ${ctx.fileName}.`
      }
    ];
  return [];
}
function hasHooks(group) {
  return isRawMap(group) && isRawMap(group.hooks);
}
export {
  checkHooks,
  hasHooks
};
//# sourceMappingURL=hooks.js.map
