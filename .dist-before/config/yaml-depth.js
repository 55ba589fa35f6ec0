import { isAlias, isMap, isPair, isSeq } from "yaml";
const MAX_NESTING = 64;
const DEPTH_HINT = `tarmac.yaml nests a few levels deep; flatten this value (at most ${MAX_NESTING} levels).`;
function nestingProblem(doc, lines) {
  const pending = [{ node: doc.contents, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_NESTING) {
      const { line, col } = lines.linePos(node.range?.[0] ?? 0);
      return { line, col, message: `The YAML nests deeper than ${MAX_NESTING} levels here`, hint: DEPTH_HINT };
    }
    for (const item of node.items) {
      const value = isPair(item) ? item.value : item;
      if (!isAlias(value)) pending.push({ node: value, depth: depth + 1 });
    }
  }
  return void 0;
}
function nestingSyntaxMessage(message) {
  if (!/Maximum call stack size exceeded/.test(message)) return void 0;
  return { message: `The YAML nests too deeply to read (more than ${MAX_NESTING} levels)`, hint: DEPTH_HINT };
}
export {
  MAX_NESTING,
  nestingProblem,
  nestingSyntaxMessage
};
//# sourceMappingURL=yaml-depth.js.map
