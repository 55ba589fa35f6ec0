import { existsSync, lstatSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { RUN_FILES } from "../journal/run-dir.js";
const BUNDLE_PARTS = [
  { name: RUN_FILES.events, why: "the journal" },
  { name: RUN_FILES.owner, why: "the journal" },
  { name: RUN_FILES.steps, dir: true, why: "step logs" },
  { name: RUN_FILES.triageJson, why: "triage" },
  { name: RUN_FILES.triageMarkdown, why: "triage" },
  { name: RUN_FILES.reportMarkdown, why: "report" },
  { name: RUN_FILES.reportHtml, why: "report" },
  { name: RUN_FILES.junit, why: "JUnit results" },
  { name: RUN_FILES.evidence, dir: true, why: "triage evidence" },
  { name: RUN_FILES.kindLogs, dir: true, why: "kind export logs" }
];
function planBundle(input) {
  const entries = [];
  const missing = [];
  for (const part of BUNDLE_PARTS) {
    const path = join(input.runDir, part.name);
    const kind = kindOf(path);
    if (kind === (part.dir ? "dir" : "file")) {
      if (part.dir) entries.push(...walk(path).map((file) => ({ name: relative(input.runDir, file), source: file })));
      else entries.push({ name: part.name, source: path });
      continue;
    }
    const generated = input.generated?.[part.name];
    if (generated !== void 0 && kind === "none") entries.push({ name: part.name, content: generated });
    else missing.push(`${part.name}${part.dir ? "/" : ""} (${part.why})`);
  }
  if (input.configFile !== void 0 && existsSync(input.configFile))
    entries.push({ name: "config/tarmac.yaml", source: input.configFile });
  return { entries, missing };
}
function kindOf(path) {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return "none";
  return stat.isFile() ? "file" : stat.isDirectory() ? "dir" : "other";
}
function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const kind = kindOf(path);
    if (kind === "dir") out.push(...walk(path));
    else if (kind === "file") out.push(path);
  }
  return out;
}
export {
  BUNDLE_PARTS,
  kindOf,
  planBundle
};
//# sourceMappingURL=bundle-entries.js.map
