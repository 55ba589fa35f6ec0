import { readFile, readdir } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative } from "node:path";
import { TarmacError, ExitCode } from "../errors/errors.js";
import { junitMissing } from "./errors.js";
import { parseJUnit } from "./junit.js";
const MAX_LISTED = 5;
async function readJUnit(path, context = {}) {
  const shown = shownPath(path, context.configDir);
  const cwd = shownPath(context.cwd ?? dirname(path), context.configDir);
  let xml;
  try {
    xml = await readFile(path, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT")
      throw junitMissing(shown, cwd, "does not exist", await xmlFilesBeside(path, context.configDir));
    if (code === "EISDIR") throw junitMissing(shown, cwd, "is a directory, not a file");
    throw new TarmacError("JUNIT_UNREADABLE", `could not read JUnit XML ${shown}: ${error.message}`, {
      exitCode: ExitCode.infrastructure,
      hint: "check the file's permissions",
      cause: error
    });
  }
  return parseJUnit(xml, shown);
}
function shownPath(path, base) {
  if (base === void 0) return path;
  const rel = relative(base, path);
  if (rel === "") return ".";
  return /^\.\.($|[\\/])/.test(rel) || isAbsolute(rel) ? path : rel;
}
async function xmlFilesBeside(path, configDir) {
  const dir = dirname(path);
  const names = await readdir(dir).catch(() => void 0);
  if (names === void 0) return [`the directory ${shownPath(dir, configDir)} does not exist either`];
  const xml = names.filter((n) => n.toLowerCase().endsWith(".xml") && n !== basename(path)).sort();
  if (xml.length === 0) return [`no .xml file in ${shownPath(dir, configDir)}`];
  const listed = xml.slice(0, MAX_LISTED).join(", ") + (xml.length > MAX_LISTED ? `, \u2026 (${xml.length} in all)` : "");
  return [`.xml files in ${shownPath(dir, configDir)}: ${listed}`];
}
export {
  readJUnit,
  shownPath
};
//# sourceMappingURL=read.js.map
