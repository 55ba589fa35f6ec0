function buildOutcome(fact) {
  return fact.timedOut ? "timed out" : `exited ${fact.exitCode ?? fact.signal ?? "abnormally"}`;
}
export {
  buildOutcome
};
//# sourceMappingURL=error-facts.js.map
