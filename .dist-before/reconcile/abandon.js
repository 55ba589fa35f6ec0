import { appendFileSync, closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { journalLine } from "../journal/protocol.js";
import { readJournal } from "../journal/reader.js";
import { eventsFile } from "../journal/run-dir.js";
function markAbandoned(run, byRunId, now) {
  const file = eventsFile(run.dir);
  const events = existsSync(file) ? readJournal(run.dir) : [];
  const running = stillRunning(events);
  const last = events.at(-1);
  const why = run.liveness.state === "dead" ? run.liveness.why : `tarmac (pid ${run.owner.pid}) is gone`;
  const found = {
    id: run.id,
    pid: run.owner.pid,
    command: run.owner.command,
    why,
    running,
    lastSignAt: run.lastSignAt,
    ...last ? { lastEvent: { type: last.type, at: last.at } } : {}
  };
  const at = Math.round(run.lastSignAt);
  const evidence = [
    `${why}; the journal has no run.finished`,
    `last written ${new Date(at).toISOString()}${last ? ` (last event: ${last.type})` : ""}`,
    ...running.length > 0 ? [`steps still running then: ${running.join(", ")}`] : [],
    `found at ${new Date(now).toISOString()} by run ${byRunId}`
  ];
  const closing = [
    {
      at,
      runId: run.id,
      type: "incident",
      kind: "reconciled",
      cause: { type: "abandoned", runId: run.id, pid: run.owner.pid, command: run.owner.command },
      message: `tarmac ${run.owner.command} ended without finishing this run (killed or crashed)`,
      evidence,
      stepIds: running,
      action: "marked abandoned; leftovers cleaned by the next run"
    },
    {
      at,
      runId: run.id,
      type: "run.finished",
      outcome: "failed",
      durationMs: Math.max(0, at - run.owner.startedAt),
      abandoned: true
    }
  ];
  const prefix = endsWithNewline(file) ? "" : "\n";
  appendFileSync(file, prefix + closing.map(journalLine).join(""));
  return found;
}
function stillRunning(events) {
  const running = /* @__PURE__ */ new Set();
  for (const event of events) {
    if (event.type === "step.started") running.add(event.stepId);
    else if (event.type === "step.finished") running.delete(event.stepId);
  }
  return [...running];
}
function endsWithNewline(file) {
  if (!existsSync(file)) return true;
  const size = statSync(file).size;
  if (size === 0) return true;
  const fd = openSync(file, "r");
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 10;
  } finally {
    closeSync(fd);
  }
}
export {
  markAbandoned,
  stillRunning
};
//# sourceMappingURL=abandon.js.map
