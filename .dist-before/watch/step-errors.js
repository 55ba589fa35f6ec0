import { formatDuration } from "../config/duration.js";
import { engineProbeFact, ExitCode, TarmacError } from "../errors/errors.js";
import { describeHealth } from "./probe.js";
const TAIL_LINES = 15;
function stepTimeoutError(step, tail, facts) {
  const probe = facts.health ? `; engine probe: ${describeHealth(facts.health)}` : "";
  const message = `${step.id} timed out after ${formatDuration(facts.ranMs)} (no output for ${formatDuration(facts.silentMs)})${probe}`;
  const engineDown = facts.health && !facts.health.ok ? " The engine did not answer either: check it with `tarmac doctor`." : "";
  return new TarmacError("STEP_TIMEOUT", message, {
    exitCode: ExitCode.infrastructure,
    stepId: step.id,
    details: tail.slice(-TAIL_LINES),
    ...facts.health ? { probe: engineProbeFact(facts.health) } : {},
    hint: `If ${step.id} legitimately needs longer, raise ${timeoutSetting(step)} in tarmac.yaml; the last output lines are shown above.${engineDown}`
  });
}
function stallEngineError(step, silentMs, health, tail) {
  return new TarmacError(
    "ENGINE_UNREACHABLE",
    `${step.id} printed nothing for ${formatDuration(silentMs)} and the engine probe failed: ${health.detail}`,
    {
      exitCode: ExitCode.environment,
      stepId: step.id,
      details: tail.slice(-TAIL_LINES),
      probe: engineProbeFact(health),
      hint: "The container engine stopped answering while the step ran: check it with `podman info` (or `podman machine list`), or run again with --heal."
    }
  );
}
function timeoutSetting(step) {
  return step.kind === "hook" ? `the \`timeout\` of hook ${step.subject} (deploy[].hooks)` : `\`timeouts.${step.kind}\``;
}
export {
  TAIL_LINES,
  stallEngineError,
  stepTimeoutError
};
//# sourceMappingURL=step-errors.js.map
