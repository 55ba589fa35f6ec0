const REPORT_CSS = `
:root { --ok: #2e9d52; --cached: #86bf98; --failed: #d2312d; --cancelled: #e08a00; --running: #3b7be0;
  --skipped: #a0a4aa; --pending: #c9ccd1; --fg: #1d2127; --muted: #5d6570; --line: #dde1e6; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 16px 0 6px; }
code, .mono, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 12.5px; }
pre { background: #f5f6f8; padding: 8px 10px; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; margin: 4px 0 10px; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.outcome-succeeded { color: var(--ok); font-weight: 600; }
.outcome-failed, .outcome-unfinished { color: var(--failed); font-weight: 600; }
.outcome-cancelled { color: var(--cancelled); font-weight: 600; }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: var(--skipped); }
.status-ok { background: var(--ok); } .status-degraded { background: var(--cancelled); }
.status-down { background: var(--failed); } .status-absent, .status-unknown { background: var(--skipped); }
.late { color: var(--failed); } .early { color: var(--ok); }
.verdict { border-left: 4px solid var(--failed); padding: 2px 12px; margin: 10px 0; }
.verdict.unclassified { border-left-color: var(--cancelled); }
.chart { overflow-x: auto; }
.legend span { display: inline-block; margin-right: 14px; font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 12px; height: 10px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
svg.gantt { font: 12px system-ui, sans-serif; }
svg.gantt .lane-bg { fill: #fff; } svg.gantt .lane.odd .lane-bg { fill: #f6f7f9; }
svg.gantt .label { fill: var(--fg); }
svg.gantt .axis text { fill: var(--muted); font-size: 11px; }
svg.gantt .grid { stroke: var(--line); stroke-width: 1; }
svg.gantt .expected { fill: #3b7be0; fill-opacity: 0.12; stroke: #3b7be0; stroke-opacity: 0.45; stroke-dasharray: 3 2; }
svg.gantt .queued { fill: #b9bec6; }
svg.gantt .state-succeeded { fill: var(--ok); } svg.gantt .state-cached { fill: var(--cached); }
svg.gantt .state-failed { fill: var(--failed); } svg.gantt .state-cancelled { fill: var(--cancelled); }
svg.gantt .state-running { fill: var(--running); } svg.gantt .state-skipped { fill: var(--skipped); }
svg.gantt .state-pending { fill: var(--pending); }
svg.gantt .settled line { stroke: var(--skipped); stroke-width: 2; }
svg.gantt .settled text { fill: var(--muted); font-size: 11px; }
svg.gantt .incident line { stroke: var(--failed); stroke-width: 2; stroke-dasharray: 4 2; }
svg.gantt .incident path { fill: var(--failed); }
svg.gantt .probe.ok { fill: var(--ok); } svg.gantt .probe.bad { fill: var(--failed); }
svg.gantt .probe { stroke: #fff; stroke-width: 1; }
`;
export {
  REPORT_CSS
};
//# sourceMappingURL=html-style.js.map
