import path from "node:path";
import { runContextJob } from "./worker/run.js";
function hashContext(dir, opts = {}) {
  return runContextJob({ op: "hash", root: path.resolve(dir) }, opts.signal);
}
function listContextFiles(dir, opts = {}) {
  return runContextJob({ op: "list", root: path.resolve(dir) }, opts.signal);
}
export {
  hashContext,
  listContextFiles
};
//# sourceMappingURL=hash-context.js.map
