import { formatDuration } from "../config/duration.js";
import { html } from "./html-escape.js";
import { SHOWN_WAIT_MS } from "./report-text.js";
const WIDTH = 1e3;
const LABEL_W = 210;
const PLOT_W = WIDTH - LABEL_W - 30;
const AXIS_H = 34;
const LANE_H = 28;
const BAR_H = 14;
function renderGantt(t) {
  const spanMs = Math.max(1, t.endMs, ...t.lanes.map((l) => (l.attempts[0]?.startMs ?? 0) + (l.expectedMs ?? 0)));
  const x = (ms) => round(LABEL_W + Math.max(0, ms) / spanMs * PLOT_W);
  const height = AXIS_H + t.lanes.length * LANE_H + 12;
  const laneY = new Map(t.lanes.map((l, i) => [l.stepId, AXIS_H + i * LANE_H]));
  return html`<svg class="gantt" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="timeline of the run" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">
${axis(spanMs, x, height)}
${t.lanes.map((l, i) => lane(l, AXIS_H + i * LANE_H, x, i, t.endMs))}
${t.markers.map((m) => marker(m, x, laneY, height))}
</svg>`;
}
function axis(spanMs, x, height) {
  const step = tickStep(spanMs);
  const ticks = [];
  for (let ms = 0; ms <= spanMs; ms += step) ticks.push(ms);
  return html`<g class="axis">${ticks.map((ms) => html`<line x1="${x(ms)}" x2="${x(ms)}" y1="${AXIS_H - 8}" y2="${height - 8}" class="grid"/><text x="${x(ms)}" y="${AXIS_H - 14}" text-anchor="middle">${formatDuration(ms)}</text>`)}</g>`;
}
function lane(l, y, x, index, runEndMs) {
  const barY = y + (LANE_H - BAR_H) / 2;
  const first = l.attempts[0];
  const expected = first && l.expectedMs !== void 0 ? html`<rect class="expected" x="${x(first.startMs)}" y="${barY - 3}" width="${Math.max(1, x(first.startMs + l.expectedMs) - x(first.startMs))}" height="${BAR_H + 6}"><title>${`${l.stepId}: expected ${formatDuration(l.expectedMs)} (median of earlier successful runs)`}</title></rect>` : "";
  const bars = l.attempts.map((a) => {
    const end = a.endMs ?? null;
    const w = Math.max(2, x(end ?? runEndMs) - x(a.startMs));
    const wait = a.startMs - a.readyMs >= SHOWN_WAIT_MS ? html`<rect class="queued" x="${x(a.readyMs)}" y="${barY + 4}" width="${Math.max(1, x(a.startMs) - x(a.readyMs))}" height="${BAR_H - 8}"><title>${`${l.stepId} attempt ${a.attempt}: waited ${formatDuration(a.startMs - a.readyMs)} before starting`}</title></rect>` : "";
    const tip = `${l.stepId} attempt ${a.attempt}: ${a.state}, ${end === null ? "no end in the journal" : formatDuration(end - a.startMs)}${a.error ? ` [${a.error.code}] ${a.error.message}` : a.detail ? ` (${a.detail})` : ""}`;
    return html`${wait}<rect class="bar state-${a.state}" data-step="${l.stepId}" data-attempt="${a.attempt}" x="${x(a.startMs)}" y="${barY}" width="${w}" height="${BAR_H}" rx="2"><title>${tip}</title></rect>`;
  });
  const settled = l.attempts.length === 0 && l.settledMs !== void 0 ? html`<g class="settled state-${l.state}"><line x1="${x(l.settledMs)}" x2="${x(l.settledMs)}" y1="${barY}" y2="${barY + BAR_H}"/>${settledLabel(l.state, x(l.settledMs), barY + BAR_H - 3)}<title>${`${l.stepId}: ${l.state}${l.detail ? ` (${l.detail})` : ""}`}</title></g>` : "";
  const label = l.stepId.length > 30 ? `${l.stepId.slice(0, 29)}\u2026` : l.stepId;
  return html`<g class="lane${index % 2 ? " odd" : ""}" data-step="${l.stepId}"><rect class="lane-bg" x="0" y="${y}" width="${WIDTH}" height="${LANE_H}"/><text class="label" x="8" y="${y + LANE_H / 2 + 4}">${label}<title>${l.stepId}</title></text>${expected}${bars}${settled}</g>`;
}
function marker(m, x, laneY, height) {
  const tip = [`${m.label} at +${formatDuration(m.atMs)}: ${m.message}`, ...m.evidence].join("\n");
  const ys = m.stepIds.map((id) => laneY.get(id)).filter((y) => y !== void 0);
  if (m.type === "probe") {
    const y = (ys[0] ?? AXIS_H - 6) + (ys.length > 0 ? LANE_H / 2 : 0);
    return html`<circle class="marker probe ${m.ok ? "ok" : "bad"}" cx="${x(m.atMs)}" cy="${y}" r="4"><title>${tip}</title></circle>`;
  }
  const cx = x(m.atMs);
  const top = ys.length > 0 ? Math.min(...ys) : AXIS_H;
  const bottom = ys.length > 0 ? Math.max(...ys) + LANE_H : height - 8;
  return html`<g class="marker incident" data-kind="${m.label}"><line x1="${cx}" x2="${cx}" y1="${top}" y2="${bottom}"/><path d="M${cx} ${top - 9} l6 6 l-6 6 l-6 -6 z"/><title>${tip}</title></g>`;
}
function settledLabel(state, cx, y) {
  const nearEnd = cx > WIDTH - 80;
  return html`<text x="${nearEnd ? cx - 4 : cx + 4}" y="${y}" text-anchor="${nearEnd ? "end" : "start"}">${state}</text>`;
}
function tickStep(spanMs) {
  const raw = Math.max(1, spanMs / 8);
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const f of [1, 2, 5, 10]) if (f * pow >= raw) return f * pow;
  return 10 * pow;
}
function round(n) {
  return Math.round(n * 10) / 10;
}
export {
  renderGantt,
  tickStep
};
//# sourceMappingURL=html-gantt.js.map
