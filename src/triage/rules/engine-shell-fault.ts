// The shell's own report that an engine's program died of a fault signal (issue 14, twelfth round). Pure.
import type { TriageInput } from '../types.js';
import { quote, STEP_FAILED } from './evidence-facts.js';
import { failedSteps, stepLines } from './journal-facts.js';
import { STEP_LOG } from './engine-runtime-crash.js';

/**
 * An engine binary as a command's first word: podman, docker, dockerd, buildah, buildkitd, containerd, nerdctl (a path
 * before it, `sudo ` or `env ` in front of it).
 */
const ENGINE_BIN = String.raw`(?:(?:sudo|env)\s+(?:-\S+\s+)*)?(?:\S*\/)?(?:podman|docker|dockerd|buildah|buildkitd|containerd|nerdctl)(?:\s|$)`;
/**
 * bash's report of a foreground command a fault signal killed (bminor/bash jobs.c, pretty_print_job: the pid, the
 * signal's description from strsignal padded to a column, `(core dumped) ` when it left a core, then the command;
 * a non-interactive shell heads it with `script: line N: `): `line 3: 12345 Segmentation fault      (core dumped)
 * podman build -t app .`. glibc's descriptions of the fault signals: SIGSEGV `Segmentation fault`, SIGBUS `Bus error`,
 * SIGILL `Illegal instruction`, SIGABRT `Aborted`, SIGFPE `Floating point exception`, SIGTRAP `Trace/breakpoint trap`,
 * SIGSYS `Bad system call`. Not SIGKILL's `Killed`: the OOM killer or someone's kill, no crash.
 */
const BASH_FAULT = new RegExp(
  String.raw`\b\d+\s+(?:Segmentation fault|Bus error|Illegal instruction|Aborted|Floating point exception|Trace\/breakpoint trap|Bad system call)\s+(?:\(core dumped\)\s+)?${ENGINE_BIN}`,
);
/**
 * zsh's report of the same (zsh Src/signames: `segmentation fault`, `bus error`, `illegal hardware instruction`,
 * `abort`, `floating point exception`, `trace trap`, `invalid system call`): `zsh: segmentation fault (core dumped)
 * podman build .`, `zsh: illegal hardware instruction  docker run ...`.
 */
const ZSH_FAULT = new RegExp(
  String.raw`\bzsh: (?:segmentation fault|bus error|illegal hardware instruction|abort|floating point exception|trace trap|invalid system call)\s+(?:\(core dumped\)\s+)?${ENGINE_BIN}`,
);
/** Either shell's report of an engine command killed by a fault signal. */
export const SHELL_ENGINE_FAULT = new RegExp(`${BASH_FAULT.source}|${ZSH_FAULT.source}`);

/**
 * Quoted lines of a failed step where the shell reported that an engine's own program (podman, docker, ...) died of a
 * fault signal: the engine crashed, wherever it ran from. Not in a build the builder blamed on a step (an engine run
 * inside a RUN instruction is the workload's), nor a RUN step's own log line (BuildKit's STEP_LOG prefix).
 */
export function shellReportedEngineFault(input: TriageInput): string[] {
  const out: string[] = [];
  for (const step of failedSteps(input.run)) {
    const lines = stepLines(input.run, step).filter((l) => l.part !== 'message');
    if (lines.some((l) => STEP_FAILED.test(l.text))) continue;
    for (const l of lines)
      if (SHELL_ENGINE_FAULT.test(l.text) && !STEP_LOG.test(l.text.trim())) out.push(quote(l.source, l.text));
  }
  return [...new Set(out)].slice(0, 2);
}
