import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { nestingProblem, nestingSyntaxMessage } from "./yaml-depth.js";
const SYNTAX_HINTS = {
  BAD_INDENT: "Check the lines just above for an unclosed `{` or `[`, or a wrong indentation.",
  DUPLICATE_KEY: "Each key may appear once per mapping; remove or merge the duplicate.",
  TAB_AS_INDENT: "Indent with spaces; YAML does not allow tabs.",
  MISSING_CHAR: "Look for an unclosed quote or bracket, or a key without a `:`.",
  MULTIPLE_DOCS: "tarmac.yaml holds a single document; remove the extra `---`.",
  BLOCK_AS_IMPLICIT_KEY: "Check the indentation: a nested value must be indented under its key."
};
function parseYaml(text) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const errors = doc.errors.map((err) => {
    const { line, col } = lines.linePos(err.pos[0]);
    const deep2 = nestingSyntaxMessage(err.message);
    if (deep2 !== void 0) return { line, col, ...deep2 };
    const hint = SYNTAX_HINTS[err.code] ?? "Check the YAML syntax on and just before this line.";
    return { line, col, message: `YAML syntax error: ${err.message}`, hint };
  });
  const source = { doc, lines };
  const deep = errors.length === 0 ? nestingProblem(doc, lines) : void 0;
  return { source, errors: deep === void 0 ? errors : [deep] };
}
function locate(source, path, atKey = false) {
  const { doc } = source;
  let node = doc.contents;
  let key;
  let found = true;
  for (const step of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) {
        found = false;
        break;
      }
      key = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof step === "number" && step < node.items.length) {
      key = void 0;
      node = node.items[step];
    } else {
      found = false;
      break;
    }
  }
  const target = found && !atKey && !isEmpty(node) ? node : key ?? node;
  return position(source, target?.range?.[0] ?? 0);
}
function isEmpty(node) {
  return node === null || node === void 0 || isScalar(node) && node.value === null && node.source === "";
}
function position(source, offset) {
  return source.lines.linePos(offset);
}
export {
  locate,
  parseYaml
};
//# sourceMappingURL=yaml-source.js.map
