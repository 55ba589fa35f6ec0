import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "../files/private.js";
import { eventsFile, runDir, stepLogFile, stepsDir } from "./run-dir.js";
import { journalLine } from "./protocol.js";
function openJournal(stateDir, runId) {
  const dir = runDir(stateDir, runId);
  makePrivateDir(stateDir);
  mkdirSync(stepsDir(dir), { recursive: true, mode: PRIVATE_DIR_MODE });
  const events = openSync(eventsFile(dir), "a", PRIVATE_FILE_MODE);
  const logs = /* @__PURE__ */ new Map();
  const logFd = (stepId) => {
    let fd = logs.get(stepId);
    if (fd === void 0) {
      fd = openSync(stepLogFile(dir, stepId), "a", PRIVATE_FILE_MODE);
      logs.set(stepId, fd);
    }
    return fd;
  };
  return {
    dir,
    listener(event) {
      if (event.type === "step.output") writeSync(logFd(event.stepId), `${event.line}
`);
      else writeSync(events, journalLine(event));
    },
    close() {
      for (const fd of logs.values()) closeSync(fd);
      closeSync(events);
    }
  };
}
export {
  openJournal
};
//# sourceMappingURL=writer.js.map
