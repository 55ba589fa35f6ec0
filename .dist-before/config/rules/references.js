import { suggestionHint } from "../suggest.js";
import { findCycles, formatCycle } from "./cycles.js";
import { entries, text, texts } from "./raw.js";
function checkNamedList(data, spec) {
  const { listKey, refKey, noun } = spec;
  const items = entries(data, listKey).map(({ index, item }) => ({
    index,
    name: text(item, "name"),
    refs: texts(item, refKey)
  }));
  const findings = [];
  const firstIndex = /* @__PURE__ */ new Map();
  for (const { index, name } of items) {
    if (name === void 0) continue;
    const first = firstIndex.get(name);
    if (first === void 0) firstIndex.set(name, index);
    else
      findings.push({
        path: [listKey, index, "name"],
        message: `${noun} name \`${name}\` is already used by ${listKey}[${first}]`,
        hint: spec.duplicateHint
      });
  }
  const names = [...firstIndex.keys()];
  const edges = /* @__PURE__ */ new Map();
  for (const { index, name, refs } of items) {
    for (const ref of refs) {
      const path = [listKey, index, refKey, ref.index];
      if (ref.value === name) {
        findings.push({
          path,
          message: `${noun} \`${name}\` lists itself in \`${refKey}\``,
          hint: `Remove \`${name}\` from its own \`${refKey}\`.`
        });
      } else if (!firstIndex.has(ref.value)) {
        const hint = suggestionHint(ref.value, names, `${noun}s in this file`) ?? `This file defines no ${noun.toLowerCase()}s.`;
        findings.push({ path, message: `Unknown ${noun.toLowerCase()} \`${ref.value}\` in \`${refKey}\``, hint });
      }
    }
    if (name !== void 0 && firstIndex.get(name) === index)
      edges.set(
        name,
        refs.map((r) => r.value)
      );
  }
  for (const cycle of findCycles(names, edges)) {
    const [from, to] = cycle;
    const origin = items.find((i) => i.index === firstIndex.get(from ?? ""));
    const refIndex = origin?.refs.find((r) => r.value === to)?.index ?? 0;
    findings.push({
      path: [listKey, origin?.index ?? 0, refKey, refIndex],
      message: `\`${refKey}\` forms a cycle: ${formatCycle(cycle)}`,
      hint: spec.cycleHint
    });
  }
  return findings;
}
export {
  checkNamedList
};
//# sourceMappingURL=references.js.map
