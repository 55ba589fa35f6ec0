import { digestContext } from "../context-digest.js";
import { walkContext } from "../context-walk.js";
import { InternalError, TarmacError } from "../../errors/errors.js";
function runJob(job) {
  try {
    const value = job.op === "list" ? walkContext(job.root) : digestContext(job.root);
    return { ok: true, value };
  } catch (err) {
    const e = err instanceof TarmacError ? err : new InternalError(err instanceof Error ? err.message : String(err), err);
    return {
      ok: false,
      error: {
        code: e.code,
        message: e.message,
        hint: e.hint,
        exitCode: e.exitCode,
        details: e.details,
        stack: e.stack
      }
    };
  }
}
function reviveError(error) {
  const revived = new TarmacError(error.code, error.message, {
    hint: error.hint,
    exitCode: error.exitCode,
    details: error.details
  });
  if (error.stack) revived.stack = error.stack;
  return revived;
}
export {
  reviveError,
  runJob
};
//# sourceMappingURL=job.js.map
