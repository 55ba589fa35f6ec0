const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function safeText(text) {
  return text.replace(UNSAFE, (ch) => {
    if (ch === "\r") return "\\r";
    const code = ch.charCodeAt(0);
    return code > 255 ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}
function safeDeep(value) {
  if (typeof value === "string") return safeText(value);
  if (Array.isArray(value)) return value.map((v) => safeDeep(v));
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = safeDeep(v);
    return out;
  }
  return value;
}
export {
  safeDeep,
  safeText
};
//# sourceMappingURL=safe-text.js.map
