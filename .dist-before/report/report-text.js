import { formatDuration } from "../config/duration.js";
function offsetText(ms) {
  return ms === void 0 ? "" : `+${formatDuration(ms)}`;
}
function deltaText(ms) {
  if (ms === void 0) return "";
  if (ms === 0) return "\xB10ms";
  return `${ms > 0 ? "+" : "-"}${formatDuration(Math.abs(ms))}`;
}
function outcomeText(m) {
  const word = m.outcome === "succeeded" ? "succeeded" : m.outcome === "unfinished" ? "UNFINISHED (the journal has no end)" : m.outcome.toUpperCase();
  return m.abandoned ? `${word} (abandoned: tarmac died during the run)` : word;
}
function countsText(m) {
  const total = Object.values(m.counts).reduce((a, b) => a + (b ?? 0), 0);
  const parts = Object.entries(m.counts).map(([state, n]) => `${n} ${state}`);
  return `${total} step${total === 1 ? "" : "s"}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}
function testsText(m) {
  if (!m.tests) return "no test results in this run";
  const t = m.tests;
  const parts = [`${t.passed} passed`, `${t.failed} failed`];
  if (t.errors > 0) parts.push(`${t.errors} errors`);
  if (t.skipped > 0) parts.push(`${t.skipped} skipped`);
  return `${t.tests} tests: ${parts.join(", ")}`;
}
function laneStateText(l) {
  return l.attempts.length > 1 ? `${l.state} (${l.attempts.length} attempts)` : l.state;
}
function noTriageText(m) {
  if (m.outcome === "succeeded") return "No triage: the run succeeded.";
  return `No triage was recorded for this run; run: tarmac triage ${m.runId} (it collects evidence and diagnoses the failure).`;
}
function noActionsText(m) {
  if (m.outcome === "succeeded") return "None: the run succeeded.";
  if (!m.triage) return noTriageText(m);
  return `No rule suggested an action; start from what looks abnormal above and the failed steps' logs in .tarmac/runs/${m.runId}/steps/.`;
}
const SHOWN_WAIT_MS = 500;
function waitText(ms) {
  return ms >= SHOWN_WAIT_MS ? formatDuration(ms) : "";
}
function confidenceText(c) {
  return `${Math.round(c * 100)}%`;
}
function laneStartMs(l) {
  return l.attempts[0]?.startMs ?? l.settledMs;
}
export {
  SHOWN_WAIT_MS,
  confidenceText,
  countsText,
  deltaText,
  laneStartMs,
  laneStateText,
  noActionsText,
  noTriageText,
  offsetText,
  outcomeText,
  testsText,
  waitText
};
//# sourceMappingURL=report-text.js.map
