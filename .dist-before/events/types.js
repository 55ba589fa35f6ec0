const JOURNAL_PROTOCOL_VERSION = 1;
const TERMINAL_STATES = /* @__PURE__ */ new Set([
  "succeeded",
  "cached",
  "failed",
  "skipped",
  "cancelled"
]);
export {
  JOURNAL_PROTOCOL_VERSION,
  TERMINAL_STATES
};
//# sourceMappingURL=types.js.map
