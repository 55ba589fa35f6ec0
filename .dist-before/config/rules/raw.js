function isRawMap(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function entries(map, key) {
  const list = isRawMap(map) ? map[key] : void 0;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => isRawMap(item) ? [{ index, item }] : []);
}
function text(map, key) {
  const value = isRawMap(map) ? map[key] : void 0;
  return typeof value === "string" ? value : void 0;
}
function texts(map, key) {
  const list = isRawMap(map) ? map[key] : void 0;
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) => typeof value === "string" ? [{ index, value }] : []);
}
export {
  entries,
  isRawMap,
  text,
  texts
};
//# sourceMappingURL=raw.js.map
