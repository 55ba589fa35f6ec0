function missingFact(run) {
  return {
    collector: run.name,
    timedOut: run.timedOut,
    budgetMs: run.budgetMs ?? run.durationMs,
    attempts: run.attempts ?? 1,
    ...run.error ? { error: run.error } : {}
  };
}
function describeMissing(m) {
  const secs = `${(m.budgetMs / 1e3).toFixed(1)}s`;
  const why = m.timedOut ? `timed out ${m.attempts > 1 ? `twice, ${secs} in all` : `after ${secs}`}` : `failed: ${m.error ?? "no detail"}`;
  return `${m.collector} evidence is missing (collector ${why})`;
}
function missingAmong(evidence, read) {
  return (evidence.missing ?? []).filter((m) => read.has(m.collector));
}
function watchEvidence(input) {
  const read = /* @__PURE__ */ new Set();
  const evidence = new Proxy(input.evidence, {
    get(target, prop, receiver) {
      if (typeof prop === "string") read.add(prop);
      return Reflect.get(target, prop, receiver);
    }
  });
  return { input: { ...input, evidence }, read: () => read };
}
export {
  describeMissing,
  missingAmong,
  missingFact,
  watchEvidence
};
//# sourceMappingURL=missing-evidence.js.map
