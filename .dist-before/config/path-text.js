function formatPath(path) {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
function valueAt(data, path) {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[key];
  }
  return current;
}
function describeValue(value) {
  if (value === null || value === void 0) return "an empty value";
  if (typeof value === "string") return value === "" ? "an empty string" : `\`${truncate(value)}\``;
  if (typeof value === "number" || typeof value === "boolean") return `\`${String(value)}\``;
  if (Array.isArray(value)) {
    const json = JSON.stringify(value);
    return json.length <= 40 ? `\`${json}\`` : `a list of ${value.length} items`;
  }
  return "a mapping";
}
function truncate(text) {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
export {
  describeValue,
  formatPath,
  valueAt
};
//# sourceMappingURL=path-text.js.map
