import { lstatSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import { dirEntry, statEntry } from "./context-entry.js";
import { ContextIgnore, ROOT_VERDICT } from "./docker-ignore.js";
import { contextReadError, isVanished } from "./fs-errors.js";
import { readContextIgnore } from "./ignore-file.js";
function walkContext(dir) {
  const root = path.resolve(dir);
  const { file: ignoreFile, rules } = readContextIgnore(root);
  const ig = new ContextIgnore(rules);
  const entries = [];
  const pending = [{ rel: "", verdict: ROOT_VERDICT }];
  for (let dir2 = pending.pop(); dir2 !== void 0; dir2 = pending.pop()) {
    const dirents = readDir(root, dir2.rel);
    if (!dirents) continue;
    const verdictOf = ig.childrenOf(dir2.rel, dir2.verdict);
    for (const d of dirents) {
      const rel = dir2.rel === "" ? d.name : `${dir2.rel}/${d.name}`;
      let isDir = d.isDirectory();
      let st;
      if (!isDir && !d.isFile() && !d.isSymbolicLink()) {
        st = lstatOrUndefined(root, rel);
        if (!st) continue;
        isDir = st.isDirectory();
      }
      const verdict = verdictOf(d.name);
      const excluded = verdict.excluded && rel !== ignoreFile;
      if (isDir) {
        if (!excluded) entries.push(dirEntry(rel));
        if (!excluded || ig.mayReincludeUnder(rel, verdict)) pending.push({ rel, verdict });
        continue;
      }
      if (excluded) continue;
      st ??= lstatOrUndefined(root, rel);
      if (!st) continue;
      if (st.isDirectory()) continue;
      if (st.isSymbolicLink()) {
        const linkTarget = readLinkOrUndefined(root, rel);
        if (linkTarget !== void 0) entries.push({ ...statEntry(rel, st), linkTarget });
      } else entries.push(statEntry(rel, st));
    }
  }
  return entries.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function readDir(root, rel) {
  try {
    return readdirSync(rel === "" ? root : `${root}/${rel}`, { withFileTypes: true });
  } catch (err) {
    if (rel !== "" && isVanished(err)) return void 0;
    throw contextReadError(root, rel, err);
  }
}
function lstatOrUndefined(root, rel) {
  try {
    return lstatSync(`${root}/${rel}`);
  } catch (err) {
    if (isVanished(err)) return void 0;
    throw contextReadError(root, rel, err);
  }
}
function readLinkOrUndefined(root, rel) {
  try {
    return readlinkSync(`${root}/${rel}`);
  } catch (err) {
    if (isVanished(err)) return void 0;
    throw contextReadError(root, rel, err);
  }
}
export {
  walkContext
};
//# sourceMappingURL=context-walk.js.map
