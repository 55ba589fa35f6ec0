// A Containerfile instruction failed: a user error in the build, not the infrastructure.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, failureLinesMatching, quote, workloadFailed } from './evidence-facts.js';
import { ENGINE_CLIENT_UNREACHABLE } from './engine-unreachable.js';
import { infraMarkers } from './infra-markers.js';
import { proxyHops } from './proxy-hop.js';
import { repositoryAnswer } from './repository-answer.js';
import { digestMismatch } from './digest-mismatch.js';
import { buildOutcome } from '../../errors/error-facts.js';
import { errorFact, failedSteps, incidents } from './journal-facts.js';

/** Signs that the build died of the infrastructure, not of its own instructions (`layer not known`: the engine's
 * storage changed under the build, e.g. a concurrent prune, seen for real here on a LABEL instruction). */
const INFRA =
  /server probably quit|no space left on device|layer not known|exit status 137|\(exited 137\)|signal: killed|Cannot connect to Podman|connection refused|read\/write on closed pipe/i;

/**
 * The builders' own words for an instruction or a Containerfile that is wrong (classic docker, BuildKit, buildah):
 * a parse error, an unknown instruction, a COPY/ADD source missing from the context.
 */
const INSTRUCTION_ERROR =
  /parse error|unknown instruction|(?:COPY|ADD) failed|failed to compute cache key|failed to process "|checking on sources|no such file or directory.*(?:context|Containerfile|Dockerfile)|Dockerfile(?:\.\S+)?: no such file|\bcopier: stat\b/i;

/** The build could not start from its base image (FROM): an image problem, not an instruction's. */
const BASE_IMAGE =
  /error creating build container|creating build container:|no such image|image not known|manifest unknown|failed to resolve source metadata/i;

/**
 * The OCI runtime refusing to create or start the step's container (cgroups, mounts, namespaces, seccomp): then the
 * instruction never ran, whatever BuildKit's `did not complete successfully` says after it. Not the runtime's exec of
 * the step's own program (`unable to start container process: exec: "./build.sh": permission denied`): that is the
 * instruction's.
 */
const RUNTIME_REFUSED =
  /OCI runtime (?:create|start) failed|failed to create shim task|runc create failed|crun: .*OCI runtime error/i;
const STEP_EXEC =
  /container process: exec: |exec: "[^"]+": (?:executable file not found|permission denied|no such file)/i;

export const buildFailed: Rule = {
  id: 'build-failed',
  title: 'A build instruction failed (Containerfile or build context)',
  refs: ['research-kubernaut §3 #24', 'research-kubernaut §3 #22'],
  match(input: TriageInput): Match | undefined {
    const builds = failedSteps(input.run).filter(
      (f) =>
        f.error && /^(BUILD_FAILED|CONTEXT_NOT_FOUND|CONTEXT_UNREADABLE|CONTAINERFILE_UNREADABLE)$/.test(f.error.code),
    );
    if (builds.length === 0) return undefined;
    const marker = infraMarkers(input)[0];
    const baseImage = failureLinesMatching(input, BASE_IMAGE, 1, ['build'])[0];
    const hop = proxyHops(input, 1)[0];
    // A server that answered the step's fetch with an error status (repository-answer.ts): a repository that changed
    // or failed is the download's cause; one file not at its URL reads two ways (removed, or the URL is wrong).
    const answer = repositoryAnswer(input);
    // A download whose bytes are not the recorded ones (digest-mismatch.ts) reads two ways: the server's, or the hash's.
    const otherBytes = digestMismatch(input).length > 0;
    const infra =
      answer?.kind === 'repository' ||
      failureLinesMatching(input, INFRA, 1, ['build']).length > 0 ||
      failureLinesMatching(input, ENGINE_CLIENT_UNREACHABLE, 1, ['build']).length > 0 ||
      // A fetch that went to a proxy (proxy-hop.ts) is the proxy's answer, not the instruction's.
      hop !== undefined ||
      marker !== undefined;
    const crashed = incidents(input.run, 'engine-crash', 'engine-lost').length > 0;
    const step = builds[0]!;
    const silent =
      (step.error?.tail ?? []).every((l) => l.trim() === '') &&
      (input.run.stepLogs[step.stepId] ?? []).every((l) => l.trim() === '');
    const tail = (step.error?.tail ?? []).filter((l) => l.trim() !== '').slice(-4);
    // Only the builder can say an instruction failed: a RUN step that exited non-zero (the typed build fact or the
    // builder's step-failure words), its own Containerfile/context errors, or tarmac's context codes. Any other
    // output shows the build command failed, not which instruction (a client that lost its daemon prints that too).
    const instructionFailed =
      step.error?.code !== 'BUILD_FAILED' ||
      workloadFailed(input, step) ||
      failureLinesMatching(input, INSTRUCTION_ERROR, 1, ['build']).length > 0;
    const runtimeRefused =
      failureLinesMatching(input, RUNTIME_REFUSED, 1, ['build']).length > 0 &&
      failureLinesMatching(input, STEP_EXEC, 1, ['build']).length === 0;
    const image = step.subject ?? step.stepId.replace(/^build:/, '');
    // What failed, from the build's typed fact (other codes: their message, e.g. a context that does not exist).
    const build = errorFact(step, 'build');
    const what = build
      ? `${build.instruction ? `at ${build.instruction} ` : ''}(${buildOutcome(build)})`
      : (step.error?.message ?? 'a build instruction failed');
    return {
      // No output at all, or output that names no failed instruction: only that the build did fail.
      confidence: conf(
        infra
          ? 0.3
          : baseImage
            ? 0.4
            : crashed
              ? 0.6
              : silent || !instructionFailed || runtimeRefused || answer || otherBytes
                ? 0.45
                : 0.9,
      ),
      summary: `Image ${image} failed to build: ${what}. ${
        marker
          ? `The output also shows ${marker.label}: that, not the instruction, may be the cause.`
          : hop
            ? 'A fetch in it went to an HTTP(S) proxy: that, not the instruction, may be the cause.'
            : answer
              ? `A server answered a fetch in it with an error${answer.status ? ` (${answer.status})` : ''}: the download (a file or repository that moved), or a wrong URL in the Containerfile.`
              : otherBytes
                ? "A package manager found a download's checksum other than the recorded one: the server's bytes, or a stale recorded hash."
                : baseImage
                  ? 'The base image could not be had: see the image verdicts.'
                  : runtimeRefused
                    ? "The container runtime could not start the step's container (cgroups, mounts, namespaces): the instruction may never have run."
                    : instructionFailed
                      ? 'The instruction itself failed (the Containerfile or its context), not the infrastructure.'
                      : 'The output names no failed instruction: read the step log before blaming the Containerfile.'
      }`,
      evidence: [
        quote(`journal ${step.stepId} [${step.error?.code}]`, step.error?.message ?? ''),
        ...tail.map((l) => quote(`${step.stepId} output`, l)),
        ...builds.slice(1).map((b) => quote(`journal ${b.stepId}`, b.error?.message ?? '')),
      ],
      actions: [
        `less .tarmac/runs/${input.run.runId ?? '<run>'}/steps/${step.stepId.replace(/[^a-zA-Z0-9._-]/g, '_')}.log`,
        `tarmac build --only ${image}   # after fixing the Containerfile`,
      ],
    };
  },
};
