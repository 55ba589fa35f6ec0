const UNEXPLAINED_CAP = 0.4;
const UNEXPLAINED_FACTOR = 0.5;
const MIN_SHARE = 0.05;
function penaliseUnexplained(verdict, markers) {
  const explained = new Set(verdict.explains ?? []);
  const left = markers.filter((m) => !explained.has(m.id));
  if (left.length === 0) return verdict;
  return {
    ...verdict,
    confidence: round2(Math.min(verdict.confidence * UNEXPLAINED_FACTOR, UNEXPLAINED_CAP)),
    unexplained: left.map((m) => `${m.label}: ${m.line}`)
  };
}
function shareConfidence(ranked) {
  let left = 1;
  const out = [];
  for (const v of ranked) {
    const confidence = round2(Math.min(v.confidence, left));
    if (confidence < MIN_SHARE) continue;
    out.push(confidence === v.confidence ? v : { ...v, confidence });
    left = round2(left - confidence);
  }
  return out;
}
function round2(n) {
  return Math.round(n * 100) / 100;
}
export {
  UNEXPLAINED_CAP,
  penaliseUnexplained,
  shareConfidence
};
//# sourceMappingURL=calibrate.js.map
