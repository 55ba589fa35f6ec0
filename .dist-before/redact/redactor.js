import { MASK, redactSecrets } from "./patterns.js";
import { pemState, redactPemLine } from "./pem.js";
const MIN_SECRET_LENGTH = 4;
function makeRedactor(values) {
  const line = lineMasker(values);
  return (text) => {
    const state = pemState();
    return text.split("\n").map((l) => line(l, state)).join("\n");
  };
}
function makeStreamRedactor(redact) {
  const states = /* @__PURE__ */ new Map();
  return (stream, text) => {
    let state = states.get(stream);
    if (!state) states.set(stream, state = pemState());
    const current = state;
    return redact(
      text.split("\n").map((l) => redactPemLine(l, current, MASK)).join("\n")
    );
  };
}
function lineMasker(values) {
  const known = [...new Set(values)].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  return (line, state) => {
    let out = redactPemLine(line, state, MASK);
    for (const v of known) if (out.includes(v)) out = out.split(v).join(MASK);
    return redactSecrets(out);
  };
}
function redactDeep(value, redact) {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return redactArray(value, redact);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact);
    return out;
  }
  return value;
}
function redactArray(value, redact) {
  const lines = value.every((v) => typeof v === "string" && !v.includes("\n"));
  if (!lines || value.length < 2) return value.map((v) => redactDeep(v, redact));
  const out = redact(value.join("\n")).split("\n");
  return out.length === value.length ? out : value.map((v) => redactDeep(v, redact));
}
export {
  makeRedactor,
  makeStreamRedactor,
  redactDeep
};
//# sourceMappingURL=redactor.js.map
