// Hints of a crashed engine that say less than its own trace (issue 14, eleventh round): each at most 48%, for
// engine-crash's hint path. Pure.
import type { TriageInput } from '../types.js';
import { quote, STEP_FAILED, workloadFailed } from './evidence-facts.js';
import { failedSteps, stepLines } from './journal-facts.js';
import { outputMatching } from './infra-markers.js';
import type { StepKind } from '../../plan/types.js';
import { ENGINE_CODE, GO_CRASH_HEADER, REQUESTED_DUMP, unrelayed } from './engine-runtime-crash.js';

/** A RUN instruction shown as started: podman's and docker's step headings, docker's `---> Running in`, BuildKit's. */
const RUN_SHOWN = /^(?:STEP \d+(?:\/\d+)?: RUN\b|Step \d+\/\d+ : RUN\b|\s*---> Running in |#\d+ \[[^\]]*\] RUN\b)/;
/** A Go stack frame's function line (`pkg/path.Func(...)`): its package path. */
const FRAME_FN = /^\s*((?:[\w.-]+\/)*[\w-]+)\.[\w*().[\]]+(?:\(|\s+in goroutine|$)/;
/**
 * What only the Go runtime prints around a `fatal error:` (golang/go src/runtime: its throw texts for a concurrent map
 * access, a deadlock, a fault, memory; its `goroutine N [...]:` and `runtime.` frames), unlike a C compiler's
 * `fatal error: x.h: No such file or directory`.
 */
const GO_ONLY =
  /^fatal error: (?:concurrent map|all goroutines are asleep|unexpected signal|runtime: |stack overflow|fault\b|found bad pointer)|^goroutine \d+ \[[^\]]+\]:|^runtime\.\w+\(/;
/** Packages of Go's own runtime and standard library, which every Go program's trace runs through. */
const STD_PKG = /^(?:runtime|sync|reflect|syscall|os|internal\/[\w/]+|net(?:\/http)?|io|bufio|encoding\/\w+)$/;

/**
 * A Go runtime crash in an engine step's own output (a build's or a transfer's) when no instruction was shown as
 * started, the builder blamed none, and no frame names a program other than Go's runtime or the engines: dockerd's
 * `fatal error: concurrent map writes` under BuildKit (moby/moby#40752), relayed without its frames. A RUN step's Go
 * program would stand under its RUN heading and the builder would blame its step. Only a hint: the trace does not name
 * the program.
 */
export function unattributedGoCrash(input: TriageInput): string[] {
  for (const step of failedSteps(input.run)) {
    if (step.kind !== 'build' && step.kind !== 'deliver') continue;
    const lines = stepLines(input.run, step).filter((l) => l.part !== 'message');
    // A C compiler's `fatal error: x.h: No such file or directory` shares Go's header word: only Go's own forms count.
    const goOwn = lines.some((l) => GO_ONLY.test(unrelayed(l.text)));
    const headers = lines.filter(
      (l) => GO_CRASH_HEADER.test(unrelayed(l.text)) && (goOwn || !/^fatal error: /.test(unrelayed(l.text))),
    );
    if (headers.length === 0 || workloadFailed(input, step)) continue;
    if (lines.some((l) => STEP_FAILED.test(l.text) || RUN_SHOWN.test(l.text) || REQUESTED_DUMP.test(l.text))) continue;
    // A frame of any other package (a program's `main`, a library) names a program that may be the RUN step's.
    const foreign = lines.some((l) => {
      const pkg = FRAME_FN.exec(unrelayed(l.text))?.[1];
      return pkg !== undefined && !STD_PKG.test(pkg) && !ENGINE_CODE.test(l.text);
    });
    if (foreign) continue;
    return headers.slice(0, 2).map((l) => quote(l.source, l.text));
  }
  return [];
}

/**
 * The docker client's words for an error answer of the Engine API that was not the daemon's JSON (docker/docker
 * client/request.go: `request returned 502 Bad Gateway for API route and version http://.../v1.49/..., check if the
 * server supports the requested API version`) with a 5xx: Docker Desktop's API proxy answering for a daemon behind it
 * that died (moby/moby#50165) or stopped. Read in a step, after the run had reached the engine; at the probe it reads
 * as much as an engine that never started.
 */
const API_PROXY_5XX =
  /request returned (?:5\d\d )?(?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout) for API route and version/i;

/** Every step's output (not a failure thrown past the journal, not a pod's). */
const STEP_KINDS: readonly StepKind[] = ['build', 'cluster', 'deliver', 'deploy', 'hook', 'test'];

/** Quoted step lines where the Engine API's proxy answered a 5xx for the daemon (API_PROXY_5XX): a hint. */
export function engineApiProxyFailed(input: TriageInput): string[] {
  return outputMatching(input, API_PROXY_5XX, 2, STEP_KINDS);
}
