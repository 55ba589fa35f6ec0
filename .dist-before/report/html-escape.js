class SafeHtml {
  constructor(value) {
    this.value = value;
  }
  value;
  toString() {
    return this.value;
  }
}
const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
function raw(markup) {
  return new SafeHtml(markup);
}
function html(strings, ...values) {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}
function render(v) {
  if (v === void 0 || v === null || v === false) return "";
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}
export {
  SafeHtml,
  escapeHtml,
  html,
  raw
};
//# sourceMappingURL=html-escape.js.map
