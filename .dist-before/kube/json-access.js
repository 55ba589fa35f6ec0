function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function asArray(value) {
  return Array.isArray(value) ? value : [];
}
function asString(value) {
  return typeof value === "string" ? value : void 0;
}
function asNumber(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : void 0;
}
function dig(value, ...keys) {
  let current = value;
  for (const key of keys) current = asRecord(current)?.[key];
  return current;
}
export {
  asArray,
  asNumber,
  asRecord,
  asString,
  dig
};
//# sourceMappingURL=json-access.js.map
