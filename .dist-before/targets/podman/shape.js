function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function asRecords(value) {
  return Array.isArray(value) ? value.map(asRecord).filter((v) => v !== void 0) : [];
}
function asString(value) {
  return typeof value === "string" ? value : void 0;
}
function asNumber(value) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return void 0;
}
function asStringMap(value) {
  const record = asRecord(value) ?? {};
  return Object.fromEntries(Object.entries(record).filter((e) => typeof e[1] === "string"));
}
function clone(value) {
  return structuredClone(value);
}
export {
  asNumber,
  asRecord,
  asRecords,
  asString,
  asStringMap,
  clone
};
//# sourceMappingURL=shape.js.map
