// The engine's own program crashed: a Go runtime crash (`panic: ...`, `fatal error: ...`, `[signal SIGSEGV ...`,
// `goroutine N [running]:` and its `file.go:123 +0x1f` frames) printed by the engine itself. Only two places count,
// because a workload inside a RUN step may print a Go crash too (issue 14, point 4):
// - the engine probe (`podman version`): nothing but the engine runs there;
// - an engine step's output (build, push, pull, load) whose trace names the engine's own code (podman, buildah,
//   containers/storage, BuildKit, moby, containerd, runc) and where the engine did not report a failed build step
//   (podman's "building at STEP", BuildKit's "did not complete successfully", docker's "returned a non-zero code").
// Pure.
import type { TriageInput } from '../types.js';
import { engine, quote } from './evidence-facts.js';
import { failedSteps, stepLines } from './journal-facts.js';

/** The Go runtime's crash forms: the header lines and a stack frame. */
const GO_CRASH =
  /^(?:panic: |fatal error: |\[signal SIG[A-Z]+: |SIGSEGV: segmentation violation|goroutine \d+ \[[^\]]+\]:)|\.go:\d+ \+0x[0-9a-f]+\s*$/;
/** The header lines alone (a frame without a header may be any log's file:line). */
const GO_CRASH_HEADER = /^(?:panic: |fatal error: |\[signal SIG[A-Z]+: |goroutine \d+ \[[^\]]+\]:)/;
/** Stack frames in the engines' own code. */
const ENGINE_CODE =
  /github\.com\/(?:containers\/(?:podman|libpod|buildah|storage|image|common|conmon)|moby\/(?:buildkit|moby)|docker\/(?:docker|cli|buildx)|containerd\/|opencontainers\/runc|cri-o\/)/;
/** The engine reporting that a build instruction (the workload) failed: then a crash trace is the workload's. */
const STEP_FAILED =
  /building at STEP|did not complete successfully|returned a non-zero code|executor failed running|while running runtime: exit status/i;
const ENGINE_STEPS = ['build', 'deliver'];

/** Quoted lines showing the engine's own program crashed; empty when nothing says so. */
export function engineRuntimeCrash(input: TriageInput): string[] {
  const e = engine(input);
  const out: string[] = [];
  // A failed probe whose error is a Go crash form: the engine died answering it.
  if (e && !e.reachable && !e.hung && e.error && GO_CRASH.test(e.error.trim()))
    out.push(quote('engine', `${e.name} version: ${e.error}`));
  for (const step of failedSteps(input.run)) {
    const lines = stepLines(input.run, step).filter((l) => l.part !== 'message');
    const crash = lines.filter((l) => GO_CRASH.test(l.text.trim()));
    if (crash.length === 0) continue;
    const engineStep =
      step.kind !== undefined &&
      ENGINE_STEPS.includes(step.kind) &&
      crash.some((l) => GO_CRASH_HEADER.test(l.text.trim())) &&
      lines.some((l) => ENGINE_CODE.test(l.text)) &&
      !lines.some((l) => STEP_FAILED.test(l.text));
    if (engineStep) out.push(...crash.slice(0, 3).map((l) => quote(l.source, l.text)));
  }
  return [...new Set(out)].slice(0, 4);
}
