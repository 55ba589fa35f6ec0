import { TarmacError, CancelledError, ExitCode } from "../../errors/errors.js";
import { buildOutcome } from "../../errors/error-facts.js";
import { classifyEngineFailure } from "../../engines/classify.js";
import { engineFailed } from "../../engines/engine-error.js";
const STEP_LINE = /^(STEP \d+\/\d+: .*|#\d+ \[[^\]]*\d+\/\d+\] .*)$/;
function failingInstruction(tail) {
  const lines = tail.map((l) => l.trim());
  const step = lines.findLast((l) => STEP_LINE.test(l));
  if (step) return step;
  for (const line of lines.toReversed()) {
    const building = /building at (STEP "[^"]+")/.exec(line);
    if (building) return building[1];
  }
  return void 0;
}
function buildFailure(image, result, stepId, engine) {
  if (result.cancelled) return new CancelledError(`build of ${image} was cancelled`);
  const failure = classifyEngineFailure(result);
  if (failure?.code === "ENGINE_UNREACHABLE" || failure?.code === "ENGINE_NOT_FOUND") {
    return engineFailed(
      engine,
      result,
      `the engine failed while building ${image}: ${failure.evidence ?? "no answer"}`,
      void 0,
      stepId
    );
  }
  const instruction = failingInstruction(result.tail);
  const fact = {
    ...instruction === void 0 ? {} : { instruction },
    ...result.exitCode === void 0 ? {} : { exitCode: result.exitCode },
    ...result.signal === void 0 ? {} : { signal: result.signal },
    timedOut: result.timedOut
  };
  return new TarmacError(
    "BUILD_FAILED",
    `image ${image} failed to build${instruction ? ` at ${instruction}` : ""} (${buildOutcome(fact)})`,
    {
      exitCode: ExitCode.infrastructure,
      stepId,
      details: result.tail.slice(-15),
      hint: "Fix the Containerfile or the build context; the last output lines are shown above.",
      fact: { type: "build", ...fact }
    }
  );
}
export {
  buildFailure,
  failingInstruction
};
//# sourceMappingURL=build-failure.js.map
