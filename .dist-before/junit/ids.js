function assignIds(cases) {
  const base = cases.map(baseId);
  const counts = countAll(base);
  const qualified = base.map((id, i) => (counts.get(id) ?? 0) > 1 ? suiteQualified(cases[i], id) : id);
  const seen = /* @__PURE__ */ new Map();
  return cases.map((c, i) => {
    const id = qualified[i];
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { id: n === 1 ? id : `${id} #${n}`, ...c };
  });
}
function baseId(c) {
  if (c.classname !== "" && c.classname !== c.name) return `${c.classname}.${c.name}`;
  return c.suite === "" ? c.name : `${c.suite}/${c.name}`;
}
function suiteQualified(c, id) {
  return c.suite === "" || id.startsWith(`${c.suite}/`) ? id : `${c.suite}/${id}`;
}
function countAll(ids) {
  const counts = /* @__PURE__ */ new Map();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
export {
  assignIds
};
//# sourceMappingURL=ids.js.map
