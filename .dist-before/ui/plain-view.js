import { formatDuration } from "../config/duration.js";
import { clip, stateSymbol, stateWord } from "./step-words.js";
function plainView(options) {
  const { write, colors: c } = options;
  let start = 0;
  const kinds = /* @__PURE__ */ new Map();
  const stamp = (at) => c.dim(`[${formatDuration(Math.max(0, at - start)).padStart(6)}]`);
  return (event) => {
    if (start === 0) start = event.at;
    switch (event.type) {
      case "run.started":
        start = event.at;
        for (const s of event.steps) kinds.set(s.id, s.kind);
        write(
          `${c.bold(`tarmac ${event.command}`)} \xB7 run ${event.runId} \xB7 ${event.steps.length} steps \xB7 engine capacity ${event.capacity}
`
        );
        return;
      case "step.started":
        write(
          `${stamp(event.at)} ${stateSymbol("running", c)} ${event.stepId} started (engine ${event.claims.engine})${event.attempt > 1 ? ` attempt ${event.attempt}` : ""}
`
        );
        return;
      case "step.output":
        if (options.verbose) write(`${stamp(event.at)}   ${c.dim(`${event.stepId} |`)} ${event.line}
`);
        return;
      case "step.finished": {
        const word = stateWord(event.state, kinds.get(event.stepId) ?? "");
        const took = event.state === "cached" || event.state === "skipped" || event.state === "cancelled" ? "" : ` in ${formatDuration(event.durationMs)}`;
        const why = event.error ? `: ${event.error.message}` : event.detail ? ` \xB7 ${event.detail}` : "";
        write(`${stamp(event.at)} ${stateSymbol(event.state, c)} ${event.stepId} ${word}${took}${why}
`);
        return;
      }
      case "run.heartbeat": {
        const running = event.running.map(
          (r) => `${r.stepId} ${formatDuration(r.elapsedMs)}${r.lastLine ? ` (${clip(r.lastLine, 60)})` : ""}`
        );
        if (running.length > 0) write(`${stamp(event.at)} \u2026 still running: ${running.join("; ")}
`);
        return;
      }
      case "decision":
        write(`${stamp(event.at)} ${c.yellow("!")} ${event.message}
`);
        return;
      case "probe":
        write(
          `${stamp(event.at)} ${event.ok ? c.green("\u2665") : c.red("\u2665")} engine probe${event.stepId ? ` (${event.stepId})` : ""}: ${event.ok ? "healthy" : "FAILED"} \xB7 ${event.detail}
`
        );
        return;
      case "incident":
        write(
          `${stamp(event.at)} ${c.red("!")} ${c.bold(`incident ${event.kind}`)}: ${event.message} \u2192 ${event.action}
`
        );
        for (const line of event.evidence.slice(0, 5)) write(`           ${c.dim(`| ${line}`)}
`);
        return;
      case "resource":
      case "step.heartbeat":
      case "run.finished":
        return;
    }
  };
}
export {
  plainView
};
//# sourceMappingURL=plain-view.js.map
