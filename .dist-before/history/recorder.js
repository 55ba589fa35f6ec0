import { HistoryWriter } from "./apply.js";
import { settleUnfinished } from "./settle.js";
import { openHistory } from "./store.js";
function openRecorder(opts) {
  let db;
  let writer;
  const fail = (error) => {
    opts.warn(
      `history: not recording this run in ${opts.path}: ${error instanceof Error ? error.message : String(error)}`
    );
    writer = void 0;
    try {
      db?.close();
    } catch {
    }
    db = void 0;
  };
  try {
    db = openHistory(opts.path);
    writer = new HistoryWriter(db, opts);
  } catch (error) {
    fail(error);
  }
  return {
    listener(event) {
      if (!writer) return;
      try {
        writer.apply(event);
      } catch (error) {
        fail(error);
      }
    },
    settle(currentRunId) {
      if (!db) return;
      try {
        settleUnfinished(db, opts.env, currentRunId);
      } catch (error) {
        fail(error);
      }
    },
    close() {
      writer = void 0;
      db?.close();
      db = void 0;
    }
  };
}
export {
  openRecorder
};
//# sourceMappingURL=recorder.js.map
