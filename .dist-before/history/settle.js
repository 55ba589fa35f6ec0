import { existsSync } from "node:fs";
import { readJournal } from "../journal/reader.js";
import { HistoryWriter } from "./apply.js";
import { eventsFile } from "../journal/run-dir.js";
function settleUnfinished(db, env, currentRunId) {
  const rows = db.prepare("SELECT id, dir, label FROM runs WHERE env = ? AND finished IS NULL AND id != ?").all(env, currentRunId);
  const settled = [];
  for (const row of rows) {
    if (!row.dir || !existsSync(eventsFile(row.dir))) continue;
    const events = readJournal(row.dir).filter((e) => e.runId === row.id);
    if (!events.some((e) => e.type === "run.finished")) continue;
    replayRun(db, { id: row.id, env, dir: row.dir, label: row.label }, events);
    settled.push(row.id);
  }
  return settled;
}
function replayRun(db, run, events) {
  const writer = new HistoryWriter(db, {
    env: run.env,
    dir: run.dir,
    ...run.label === null ? {} : { label: run.label }
  });
  db.transaction(() => {
    db.prepare("DELETE FROM runs WHERE id = ?").run(run.id);
    for (const event of events) writer.apply(event);
  })();
}
export {
  replayRun,
  settleUnfinished
};
//# sourceMappingURL=settle.js.map
