// Turns a failed `build` result into an error that names the image, the failing step and the last output lines.
import { TarmacError, CancelledError, ExitCode, type BuildFact } from '../../errors/errors.js';
import { buildOutcome } from '../../errors/error-facts.js';
import type { CommandResult } from '../../exec/types.js';
import type { EngineName } from '../../engines/types.js';
import { classifyEngineFailure } from '../../engines/classify.js';
import { engineFailed } from '../../engines/engine-error.js';

// podman/buildah print `STEP 3/4: RUN ...`; docker BuildKit prints `#7 [3/4] RUN ...`.
const STEP_LINE = /^(STEP \d+\/\d+: .*|#\d+ \[[^\]]*\d+\/\d+\] .*)$/;

/** The last build instruction that started before the failure (`STEP 3/8: RUN ...`), else podman's `building at STEP "..."`. */
export function failingInstruction(tail: readonly string[]): string | undefined {
  const lines = tail.map((l) => l.trim());
  const step = lines.findLast((l) => STEP_LINE.test(l));
  if (step) return step;
  for (const line of lines.toReversed()) {
    const building = /building at (STEP "[^"]+")/.exec(line);
    if (building) return building[1];
  }
  return undefined;
}

/** The error for a build that did not succeed. */
export function buildFailure(image: string, result: CommandResult, stepId: string, engine: EngineName): TarmacError {
  if (result.cancelled) return new CancelledError(`build of ${image} was cancelled`);
  const failure = classifyEngineFailure(result);
  if (failure?.code === 'ENGINE_UNREACHABLE' || failure?.code === 'ENGINE_NOT_FOUND') {
    return engineFailed(
      engine,
      result,
      `the engine failed while building ${image}: ${failure.evidence ?? 'no answer'}`,
      undefined,
      stepId,
    );
  }
  const instruction = failingInstruction(result.tail);
  const fact: BuildFact = {
    ...(instruction === undefined ? {} : { instruction }),
    ...(result.exitCode === undefined ? {} : { exitCode: result.exitCode }),
    ...(result.signal === undefined ? {} : { signal: result.signal }),
    timedOut: result.timedOut,
  };
  return new TarmacError(
    'BUILD_FAILED',
    `image ${image} failed to build${instruction ? ` at ${instruction}` : ''} (${buildOutcome(fact)})`,
    {
      exitCode: ExitCode.infrastructure,
      stepId,
      details: result.tail.slice(-15),
      hint: 'Fix the Containerfile or the build context; the last output lines are shown above.',
      fact: { type: 'build', ...fact },
    },
  );
}
