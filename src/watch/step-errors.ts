// The errors the step watchdogs raise: a step past its timeout, and a silent step on a dead engine.
import { formatDuration } from '../config/duration.js';
import type { EngineHealth } from '../engines/types.js';
import { engineProbeFact, ExitCode, TarmacError } from '../errors/errors.js';
import type { Step } from '../plan/types.js';
import { describeHealth } from './probe.js';

/** Lines of output kept per step for watchdog errors. */
export const TAIL_LINES = 15;

/** What the watchdog saw when a step timed out. */
export interface TimeoutFacts {
  /** How long the step had run. */
  ranMs: number;
  /** How long it had been silent. */
  silentMs: number;
  /** The engine probe taken at that moment, when the run has a probe. */
  health?: EngineHealth;
}

/**
 * The error of a step that ran longer than its timeout, e.g.
 * "build:hang timed out after 30.0s (no output for 29.1s); engine probe: healthy, podman 4.3.1 answered in 40ms".
 */
export function stepTimeoutError(step: Step, tail: readonly string[], facts: TimeoutFacts): TarmacError {
  const probe = facts.health ? `; engine probe: ${describeHealth(facts.health)}` : '';
  const message = `${step.id} timed out after ${formatDuration(facts.ranMs)} (no output for ${formatDuration(facts.silentMs)})${probe}`;
  const engineDown =
    facts.health && !facts.health.ok ? ' The engine did not answer either: check it with `tarmac doctor`.' : '';
  return new TarmacError('STEP_TIMEOUT', message, {
    exitCode: ExitCode.infrastructure,
    stepId: step.id,
    details: tail.slice(-TAIL_LINES),
    ...(facts.health ? { probe: engineProbeFact(facts.health) } : {}),
    hint: `If ${step.id} legitimately needs longer, raise ${timeoutSetting(step)} in tarmac.yaml; the last output lines are shown above.${engineDown}`,
  });
}

/**
 * The error of a silent step whose stall probe found the engine dead. Its code is ENGINE_UNREACHABLE so the
 * scheduler takes the same crash path as for a build that died with "server probably quit".
 */
export function stallEngineError(
  step: Step,
  silentMs: number,
  health: EngineHealth,
  tail: readonly string[],
): TarmacError {
  return new TarmacError(
    'ENGINE_UNREACHABLE',
    `${step.id} printed nothing for ${formatDuration(silentMs)} and the engine probe failed: ${health.detail}`,
    {
      exitCode: ExitCode.environment,
      stepId: step.id,
      details: tail.slice(-TAIL_LINES),
      probe: engineProbeFact(health),
      hint: 'The container engine stopped answering while the step ran: check it with `podman info` (or `podman machine list`), or run again with --heal.',
    },
  );
}

// Where a step's time limit is set: a hook has its own `timeout`, every other kind a `timeouts` entry.
function timeoutSetting(step: Step): string {
  return step.kind === 'hook'
    ? `the \`timeout\` of hook ${step.subject} (deploy[].hooks)`
    : `\`timeouts.${step.kind}\``;
}
