import { LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
function stepConfigLines(configText, stepIds) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(configText, { lineCounter });
  const lines = /* @__PURE__ */ new Map();
  if (doc.errors.length > 0) return lines;
  for (const id of stepIds) {
    const path = configPath(doc, id);
    const node = path ? doc.getIn(path, true) : void 0;
    if (node?.range) lines.set(id, lineCounter.linePos(node.range[0]).line);
  }
  return lines;
}
function configPath(doc, stepId) {
  const at = stepId.indexOf(":");
  const kind = at < 0 ? stepId : stepId.slice(0, at);
  const subject = at < 0 ? "" : stepId.slice(at + 1);
  if (kind === "build" || kind === "deliver") return namedEntry(doc, "images", subject);
  if (kind === "deploy") return namedEntry(doc, "deploy", subject);
  if (kind === "hook") return namedEntry(doc, "deploy", subject.split("/")[0] ?? "");
  if (kind === "cluster" || kind === "test") return [kind];
  return void 0;
}
function namedEntry(doc, list, name) {
  const seq = doc.get(list, true);
  if (!isSeq(seq)) return void 0;
  const index = seq.items.findIndex(
    (item) => isMap(item) && isScalar(item.get("name", true)) && String(item.get("name")) === name
  );
  return index < 0 ? void 0 : [list, index, "name"];
}
export {
  stepConfigLines
};
//# sourceMappingURL=config-lines.js.map
