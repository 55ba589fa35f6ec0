import { formatDuration } from "../config/duration.js";
import { clip, stateSymbol, stateWord } from "./step-words.js";
import { StepTable } from "./step-table.js";
function ttyView(options) {
  const { write, colors: c } = options;
  const table = new StepTable();
  let drawnLines = 0;
  let header = "";
  const notes = [];
  const note = (text) => {
    notes.push(text);
    if (notes.length > 5) notes.shift();
  };
  const line = (row) => {
    const elapsed = row.state === "running" && row.startedAt ? options.now() - row.startedAt : row.durationMs;
    const time = elapsed === void 0 || row.state === "cached" || row.state === "skipped" ? "" : formatDuration(elapsed);
    const tailText = row.state === "running" ? row.lastLine : row.detail;
    const head = `${stateSymbol(row.state, c)} ${row.id.padEnd(28)} ${stateWord(row.state, row.kind).padEnd(9)} ${time.padStart(7)}`;
    const room = options.columns() - head.length - 2;
    return tailText && room > 10 ? `${head}  ${c.dim(clip(tailText, room))}` : head;
  };
  const draw = () => {
    const room = options.columns() - 2;
    const lines = [header, ...[...table.rows.values()].map(line), ...notes.map((n) => clip(n, room))];
    const up = drawnLines > 0 ? `\x1B[${drawnLines}A\x1B[0J` : "";
    write(`${up}${lines.join("\n")}
`);
    drawnLines = lines.length;
  };
  const timer = setInterval(draw, options.refreshMs ?? 200);
  timer.unref();
  return {
    listener(event) {
      if (event.type === "run.started")
        header = c.bold(`tarmac ${event.command} \xB7 run ${event.runId} \xB7 engine capacity ${event.capacity}`);
      table.apply(event);
      if (event.type === "decision") note(`${c.yellow("!")} ${event.message}`);
      if (event.type === "probe")
        note(
          `${event.ok ? c.green("\u2665") : c.red("\u2665")} engine probe: ${event.ok ? "healthy" : "FAILED"} \xB7 ${event.detail}`
        );
      if (event.type === "incident") note(`${c.red("!")} incident ${event.kind}: ${event.message} \u2192 ${event.action}`);
      if (["step.started", "step.finished", "run.started", "decision", "probe", "incident"].includes(event.type))
        draw();
    },
    stop() {
      clearInterval(timer);
      if (header) draw();
    }
  };
}
export {
  ttyView
};
//# sourceMappingURL=tty-view.js.map
