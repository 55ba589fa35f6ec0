import { bareId, obj, parseJson, str, stringList, stringMap } from "./json-fields.js";
function parseContainers(result) {
  const text = result.stdout.trim();
  if (text === "") return [];
  const items = text.startsWith("[") ? parseJson(result, text) : text.split("\n").filter((l) => l.trim() !== "").map((line) => parseJson(result, line));
  return (Array.isArray(items) ? items : [items]).map((item) => {
    const c = obj(item);
    return {
      id: bareId(str(c.Id) ?? str(c.ID) ?? ""),
      names: stringList(c.Names),
      state: str(c.State) ?? "",
      image: str(c.Image) ?? "",
      labels: parseLabels(c.Labels)
    };
  });
}
function parseLabels(value) {
  if (typeof value !== "string") return stringMap(value);
  const out = {};
  for (const pair of value.split(",")) {
    const at = pair.indexOf("=");
    if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}
export {
  parseContainers
};
//# sourceMappingURL=parse-containers.js.map
