import { ERROR_CODES, ExitCode } from "./codes.js";
import { ERROR_CODES as ERROR_CODES2, ERROR_CODE_NAMES, ExitCode as ExitCode2, isErrorCode } from "./codes.js";
function engineProbeFact(health) {
  return { ok: health.ok, timedOut: health.timedOut === true, durationMs: health.durationMs, detail: health.detail };
}
class TarmacError extends Error {
  code;
  hint;
  exitCode;
  stepId;
  details;
  probe;
  fact;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "TarmacError";
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ERROR_CODES[code].exit;
    this.stepId = options.stepId;
    this.details = options.details ?? [];
    this.probe = options.probe;
    this.fact = options.fact;
  }
  /** Plain object for journals and --json output. */
  toJSON() {
    return { code: this.code, message: this.message, hint: this.hint, stepId: this.stepId, details: this.details };
  }
}
class ConfigError extends TarmacError {
  problems;
  constructor(file, problems) {
    super("CONFIG_INVALID", `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"} found`, {
      exitCode: ExitCode.usage,
      hint: "Fix the problems listed above, then run `tarmac validate` again."
    });
    this.name = "ConfigError";
    this.problems = problems;
  }
}
class InternalError extends TarmacError {
  constructor(message, cause) {
    super("INTERNAL", message, {
      exitCode: ExitCode.internal,
      cause,
      hint: "This is a bug in tarmac; please report it with the output above."
    });
    this.name = "InternalError";
  }
}
class CancelledError extends TarmacError {
  constructor(message = "Cancelled") {
    super("CANCELLED", message, { exitCode: ExitCode.interrupted });
    this.name = "CancelledError";
  }
}
function toTarmacError(err) {
  if (err instanceof TarmacError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new InternalError(message, err);
}
export {
  CancelledError,
  ConfigError,
  ERROR_CODES2 as ERROR_CODES,
  ERROR_CODE_NAMES,
  ExitCode2 as ExitCode,
  InternalError,
  TarmacError,
  engineProbeFact,
  isErrorCode,
  toTarmacError
};
//# sourceMappingURL=errors.js.map
