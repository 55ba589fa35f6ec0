import { TarmacError } from "../errors/errors.js";
function parseJson(result, text = result.stdout) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TarmacError("ENGINE_OUTPUT_INVALID", `Could not read the JSON output of \`${result.command}\``, {
      cause: error,
      details: text.split("\n").slice(0, 5),
      hint: "This engine version may print a format tarmac does not know; please report it with the output of `<engine> version`."
    });
  }
}
function obj(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}
function str(value) {
  return typeof value === "string" ? value : void 0;
}
function num(value) {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : void 0;
}
function stringMap(value) {
  const out = {};
  for (const [key, v] of Object.entries(obj(value))) if (typeof v === "string") out[key] = v;
  return out;
}
function stringList(value) {
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string");
  if (typeof value === "string")
    return value.split(",").map((s) => s.trim()).filter((s) => s !== "");
  return [];
}
function bareId(id) {
  return id.startsWith("sha256:") ? id.slice("sha256:".length) : id;
}
export {
  bareId,
  num,
  obj,
  parseJson,
  str,
  stringList,
  stringMap
};
//# sourceMappingURL=json-fields.js.map
