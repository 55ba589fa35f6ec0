import { LineCounter, parseAllDocuments } from "yaml";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { asArray, asRecord, asString } from "./json-access.js";
function parseManifests(text, file) {
  const { objects, problems } = scanManifests(text, file);
  if (problems[0]) throw problems[0];
  return objects;
}
function scanManifests(text, file) {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const objects = [];
  const problems = [];
  let index = 0;
  for (const doc of docs) {
    index += 1;
    try {
      objects.push(...documentObjects(doc, index, file, lines));
    } catch (error) {
      if (!(error instanceof TarmacError)) throw error;
      problems.push(error);
    }
  }
  return { objects, problems };
}
function documentObjects(doc, index, file, lines) {
  const error = doc.errors[0];
  if (error) {
    const { line: line2, col } = lines.linePos(error.pos[0]);
    throw invalid(
      `${file}:${line2}:${col}: not valid YAML: ${error.message}`,
      "Fix the YAML syntax on or just before that line; `---` separates documents."
    );
  }
  const start = doc.contents?.range[0] ?? doc.range[0];
  const line = lines.linePos(start).line;
  const where = `${file}:${line} (document ${index})`;
  const value = toValue(doc, where);
  if (value === null || value === void 0) return [];
  const items = asRecord(value)?.kind === "List" && Array.isArray(asRecord(value)?.items) ? asArray(asRecord(value)?.items) : [value];
  return items.map((item) => ({ object: checkObject(item, where), file, line }));
}
function toValue(doc, where) {
  try {
    return doc.toJS();
  } catch (cause) {
    throw invalid(
      `${where}: cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
      "Simplify the document (anchors and aliases are expanded on read)."
    );
  }
}
function checkObject(value, where) {
  const object = asRecord(value);
  if (!object)
    throw invalid(
      `${where}: a manifest document must be a mapping (a Kubernetes object), found ${Array.isArray(value) ? "a list" : typeof value}`,
      "Each YAML document must be one object with apiVersion, kind and metadata."
    );
  const kind = asString(object.kind);
  const missing = [
    asString(object.apiVersion) ? void 0 : "apiVersion",
    kind ? void 0 : "kind",
    asString(asRecord(object.metadata)?.name) ? void 0 : "metadata.name"
  ].filter((m) => m !== void 0);
  if (missing.length > 0) {
    const what = kind ? `the ${kind} object` : "the object";
    throw invalid(
      `${where}: ${what} has no ${missing.join(", ")}`,
      "Every manifest object needs `apiVersion`, `kind` and `metadata.name` (generateName is not supported by apply)."
    );
  }
  return object;
}
function invalid(message, hint) {
  return new TarmacError("MANIFEST_INVALID", message, { exitCode: ExitCode.usage, hint });
}
export {
  parseManifests,
  scanManifests
};
//# sourceMappingURL=parse-manifests.js.map
