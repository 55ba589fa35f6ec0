// The engine's own program crashed: a Go runtime crash (`panic: ...`, `fatal error: ...`, `[signal SIGSEGV ...`,
// `goroutine N [running]:` and its `file.go:123 +0x1f` frames) printed by the engine itself. Only three places count,
// because a workload inside a RUN step may print a Go crash too (issue 14, point 4):
// - the engine probe (`podman version`): nothing but the engine runs there;
// - an engine step's output (build, push, pull, load) whose trace names the engine's own code (podman, buildah,
//   containers/storage, BuildKit, moby, containerd, runc) and where the engine did not report a failed build step
//   (podman's "building at STEP", BuildKit's "did not complete successfully", docker's "returned a non-zero code");
// - a test or hook command's output whose trace runs through the engine's own command (cmd/podman, cmd/docker): the
//   command ran the engine's program, and that program crashed.
// Pure.
import type { TriageInput } from '../types.js';
import {
  engine,
  failureLinesMatching,
  failureTexts,
  pods,
  quote,
  STEP_FAILED,
  workloadFailed,
} from './evidence-facts.js';
import { failedSteps, stepLines } from './journal-facts.js';
import { GRPC_CUT_STATUS, GRPC_SERVER_GONE, PODMAN_INTERNAL, PODMAN_STREAM_DROPPED } from './engine-cut-forms.js';

/**
 * The Go runtime's crash header lines alone (a frame without a header may be any log's file:line). The Go runtime heads a fatal signal
 * it did not turn into a panic with the signal's name and text (golang/go src/runtime/signal_unix.go, the names in
 * sigtab_linux_generic.go: `SIGABRT: abort`, `SIGILL: illegal instruction`, `SIGBUS: bus error`); not SIGQUIT's dump.
 */
export const GO_CRASH_HEADER =
  /^(?:panic: |fatal error: |\[signal SIG[A-Z]+: |SIG(?:ABRT|BUS|FPE|ILL|SEGV|SYS|TRAP): [a-z]|goroutine \d+ \[[^\]]+\]:)/;
/** The Go runtime's crash forms: the header lines and a stack frame. */
const GO_CRASH = new RegExp(`${GO_CRASH_HEADER.source}|\\.go:\\d+ \\+0x[0-9a-f]+\\b`);
/**
 * A goroutine dump someone asked for, not a crash: the Go runtime's `SIGQUIT: quit` header (kill -QUIT or Ctrl-\\ on a
 * process that hangs; it then exits 2) and dockerd's SIGUSR1 dump (`=== BEGIN goroutine stack dump ===`, Docker's
 * troubleshooting docs). Its `goroutine N [...]` headers look like a crash's.
 */
export const REQUESTED_DUMP = /^\s*SIGQUIT: quit\b|=== BEGIN goroutine stack dump ===/m;
/** The engine binary killed by a fault before it could print anything of its own (a probe only). */
const NATIVE_CRASH = /Segmentation fault|core dumped|Illegal instruction|Bus error/i;
/**
 * The engine's service went away in the middle of a call it had accepted: the client's read on the engine's own
 * API socket was reset or cut (podman/docker), or the daemon's gRPC stream ended (BuildKit, containerd:
 * `code = Unavailable ... error reading from server: EOF`, `the client connection is closing`; buildx prints grpc-go's
 * transport error alone as the whole line: `error reading from server: EOF`, or wrapped: `failed to solve: Unavailable:
 * error reading from server: EOF`, `desc = closing transport due to: connection error: desc = "error reading from server:
 * EOF"`, as BuildKit stops its gRPC server). The docker CLI ends a `docker run` error with a period (`...: EOF.`).
 * Also Go's older form of a reset read (`read unix /var/run/docker.sock: connection reset by peer`, moby/moby#17846), a
 * write the engine's socket broke (`write unix @->/var/run/docker.sock: write: broken pipe`), BuildKit's named-code form
 * (GRPC_SERVER_GONE),
 * gRPC's numeric codes (GRPC_CUT_STATUS) and podman's dropped build stream (PODMAN_STREAM_DROPPED).
 * A refused connect is not this: that engine was never there (engine-unreachable).
 */
export const DROPPED = new RegExp(
  [
    /(?:\.sock|docker_engine|\/libpod\/\S*)\S*:? (?:(?:(?:read|write): )?(?:connection reset by peer|broken pipe)|.*\bEOF\.?\s*$)/
      .source,
    `|(?:${GRPC_CUT_STATUS.source}|failed to solve: Unavailable: )`,
    /(?:closing transport due to: connection error: desc = \\?"?)?(?:error reading from server|transport is closing|connection closed)/
      .source,
    /|^(?:ERROR: )?(?:failed to solve: )?error reading from server: EOF\s*$|grpc: the client connection is closing/
      .source,
    `|server probably quit|${PODMAN_STREAM_DROPPED.source}|${GRPC_SERVER_GONE.source}`,
  ].join(''),
  'im',
);
/**
 * An engine's process that crashed, by its name: systemd-coredump's report (`Process 421161 (podman) of user 1000 dumped
 * core.`, or `terminated abnormally with signal 11/SEGV` when it keeps no core), and systemd's report of an engine
 * service whose main process died of a fault signal (systemd/systemd src/core/service.c: `docker.service: Main process
 * exited, code=dumped, status=11/SEGV`; src/core/unit.c: `Failed with result 'core-dump'`), not one that exited with a
 * status or was stopped; the kernel's report of an engine binary's segfault (torvalds/linux arch/x86/mm/fault.c:
 * `dockerd[1234]: segfault at 0 ip ... error 4 in dockerd[...]`).
 */
const ENGINE_CORE =
  /^\s*Process \d+ \((?:podman|docker|dockerd|containerd|buildkitd|buildah)\) of user \d+ (?:dumped core|terminated abnormally)|\b(?:podman|docker|containerd|buildkit)\.service: (?:Main process exited, code=(?:dumped|killed), status=\d+\/(?:SEGV|ABRT|BUS|ILL|FPE|SYS|TRAP)\b|Failed with result 'core-dump')|\b(?:podman|docker|dockerd|containerd|buildkitd|buildah)\[\d+\]: segfault at /im;
/** BuildKit's per-step log prefix (`#12 3.4 ...`): a RUN step's own output. */
export const STEP_LOG = /^#\d+ [\d.]+ /;
/**
 * A prefix a runner puts before each line it relays (a TAP/bats runner's `# `, a quoting `> `, the `"` of a line in a
 * JSON list of output lines, as Ansible's `stderr_lines` prints them): the line after it is
 * still the engine's own.
 */
const RELAY_PREFIX = /^(?:#|>|")\s?/;
/** Stack frames in the engines' own code. */
export const ENGINE_CODE =
  /github\.com\/(?:containers\/(?:podman|libpod|buildah|storage|image|common|conmon)|moby\/(?:buildkit|moby)|docker\/(?:docker|cli|buildx)|containerd\/|opencontainers\/runc|cri-o\/)/;
/**
 * Stack frames in an engine's own command (its `main` package: podman's cmd/podman, docker's cmd/docker and
 * cmd/dockerd, buildah's cmd/buildah): the program that crashed was the engine itself, wherever it was run from. A test
 * program that only imports an engine's client library has its own main.
 */
const ENGINE_MAIN =
  /github\.com\/(?:containers\/(?:podman|libpod|buildah)|docker\/(?:docker|cli)|moby\/moby)(?:\/v\d+)?\/cmd\/(?:podman|docker|dockerd|buildah)\//;
const ENGINE_STEPS = ['build', 'deliver'];
/** Steps whose output is an engine client's own: kind creates its nodes with `docker run` / `podman run` itself. */
const CLIENT_STEPS = [...ENGINE_STEPS, 'cluster'];
/**
 * The docker CLI's own words when its wait on a container it started was cut by the daemon (`docker run`'s
 * `error waiting for container: EOF`): printed by the engine's client, yet inside a test or hook command that may
 * run anything, so only a hint there.
 */
const WAIT_CUT = /^(?:docker: )?error waiting for container: (?:unexpected )?EOF\.?\s*$/i;
const COMMAND_STEPS = ['test', 'hook'];
/**
 * An engine client's own framing in a test or hook command: its socket or pipe, podman's API path, docker's `Error
 * response from daemon`, the engines' own words. A bare gRPC status there may be any service the test talks to.
 */
const ENGINE_SAID =
  /\.sock\b|docker_engine|\/libpod\/|Error response from daemon|^(?:docker|podman): |server probably quit|stream dropped/im;
/** The engine client's own framing of an error: BuildKit's client wrap, or a call it made on the engine's socket. */
const CLIENT_FRAMED = new RegExp(
  `^(?:ERROR: )?failed to (?:solve|receive status): |\\.sock\\b|docker_engine|\\/libpod\\/|${PODMAN_STREAM_DROPPED.source}`,
);

/** Quoted lines showing the engine's own program crashed; empty when nothing says so. */
export function engineRuntimeCrash(input: TriageInput): string[] {
  const e = engine(input);
  const out: string[] = [];
  // A failed probe whose error is a Go crash form: the engine died answering it. Nothing but the engine runs in
  // the probe, so a crash header on any of its lines counts (warnings it printed first do not hide it). So does a
  // probe call the service took and then dropped (its socket reset, or EOF): the service died during the call.
  if (
    e &&
    !e.reachable &&
    !e.hung &&
    e.error &&
    (probeCrashed(e.error) || NATIVE_CRASH.test(e.error) || probeDropped(e.error) || ENGINE_CORE.test(e.error))
  )
    out.push(quote('engine', `${e.name} version: ${e.error}`));
  for (const step of failedSteps(input.run)) {
    const lines = stepLines(input.run, step).filter((l) => l.part !== 'message');
    // The engine reporting that a build instruction (the workload) failed: then a crash trace is the workload's.
    const own = !workloadFailed(input, step);
    // A cut call on the client's own framing (BuildKit's `failed to solve:` / `failed to receive status:`, a call on
    // the engine's socket) is the client's final line, not a trace a RUN step could print: it counts even when an
    // instruction had started (the daemon died under it), unless the builder itself reported a failed instruction.
    const builderBlamedStep = lines.some((l) => STEP_FAILED.test(l.text));
    const dropped = lines.filter(
      (l) => DROPPED.test(l.text) && !STEP_LOG.test(l.text) && (own || CLIENT_FRAMED.test(l.text.trim())),
    );
    if (step.kind !== undefined && CLIENT_STEPS.includes(step.kind) && !builderBlamedStep && dropped.length > 0)
      out.push(...dropped.slice(0, 2).map((l) => quote(l.source, l.text)));
    const cored = lines.filter((l) => ENGINE_CORE.test(l.text));
    if (step.kind !== undefined && CLIENT_STEPS.includes(step.kind) && !builderBlamedStep && cored.length > 0)
      out.push(...cored.slice(0, 1).map((l) => quote(l.source, l.text)));
    // A runner relaying the engine's output (a bats `# `) leaves it the engine's own: read the line after the prefix.
    const crash = lines.filter((l) => GO_CRASH.test(unrelayed(l.text)));
    if (crash.length === 0 || lines.some((l) => REQUESTED_DUMP.test(l.text))) continue;
    const engineStep =
      step.kind !== undefined &&
      ENGINE_STEPS.includes(step.kind) &&
      crash.some((l) => GO_CRASH_HEADER.test(unrelayed(l.text))) &&
      lines.some((l) => ENGINE_CODE.test(l.text)) &&
      // Frames in the engine's own code are its own crash even when an instruction had started (the builder died
      // under it); a RUN step's program that crashed leaves a builder that reports the failed step.
      !builderBlamedStep;
    // A test or hook command that ran the engine's own program (podman, docker), which crashed: its trace runs through
    // the engine's command (ENGINE_MAIN) or podman's own engine code (PODMAN_INTERNAL), not a workload's.
    const engineProgram =
      step.kind !== undefined &&
      COMMAND_STEPS.includes(step.kind) &&
      crash.some((l) => GO_CRASH_HEADER.test(unrelayed(l.text))) &&
      lines.some((l) => ENGINE_MAIN.test(l.text) || PODMAN_INTERNAL.test(l.text));
    if (engineStep || engineProgram) out.push(...crash.slice(0, 3).map((l) => quote(l.source, l.text)));
  }
  return [...new Set(out)].slice(0, 4);
}

/**
 * Quoted pod events where the kubelet's call on the node's container runtime was cut mid-call (DROPPED, e.g.
 * `Failed to create pod sandbox: rpc error: code = Unavailable desc = error reading from server: EOF`): the runtime
 * inside the node went away. A hint only: it may have restarted since.
 */
export function runtimeCallCut(input: TriageInput): string[] {
  return pods(input)
    .flatMap((p) => p.events.filter((e) => DROPPED.test(e)).map((e) => quote(`events ${p.name}`, e)))
    .slice(0, 2);
}

/** Quoted lines of a test or hook command whose own engine client lost its call (WAIT_CUT, DROPPED): a hint only. */
export function commandLostEngine(input: TriageInput): string[] {
  const out: string[] = [];
  for (const step of failedSteps(input.run)) {
    if (step.kind === undefined || !COMMAND_STEPS.includes(step.kind)) continue;
    for (const l of stepLines(input.run, step))
      if (l.part !== 'message' && (WAIT_CUT.test(l.text.trim()) || (DROPPED.test(l.text) && ENGINE_SAID.test(l.text))))
        out.push(quote(l.source, l.text));
  }
  return [...new Set(out)].slice(0, 2);
}

/**
 * The engine's own runtime daemon gone under it, in the engine's answer: the shim's ttrpc connection closed mid-call
 * (containerd/ttrpc client.go: `ttrpc: closed`, as dockerd relays it: `failed to create shim task: ttrpc: closed`), or
 * dockerd's gRPC dial of its containerd failing (`connection error: desc = "transport: Error while dialing dial
 * unix:///run/containerd/containerd.sock: timeout"`): dockerd does not start without it, so it went away since; or
 * runc itself died under containerd (containerd/go-runc: `runc did not terminate successfully: exit status 2`, the Go
 * runtime's exit code for a panic; a fault signal as Go names it, `signal: aborted (core dumped)`, or as the shell's
 * 128+N status: 132 SIGILL, 133 SIGTRAP, 134 SIGABRT, 135 SIGBUS, 136 SIGFPE, 139 SIGSEGV). A killed shim reads alike,
 * so only a hint. runc's own error exit (`exit status 1`) is not this. Also dockerd's old gRPC client to its containerd
 * (`grpc: the connection is unavailable`, grpc-go's errConnUnavailable before 1.10; `Error response from daemon:
 * transport is closing`: moby/moby#31849, where the maintainers read it as dockerd losing its containerd), and the
 * dial of docker's own managed containerd (`dial unix /var/run/docker/containerd/docker-containerd.sock`) or, in a pod
 * event, of the node's CRI-O (`dial unix /var/run/crio/crio.sock: connect: connection refused`). And podman's own
 * monitor of a container gone under it (containers/podman libpod/define/errors.go ErrConmonDead, `conmon process
 * killed`, as libpod/container_internal.go wraps it: `container X conmon exited prematurely, exit code could not be
 * retrieved`, `... conmon process missing, cannot retrieve exit code`): killed or crashed, as a shim.
 */
const RUNTIME_GONE =
  /\bttrpc: closed\b|\bconmon process killed\b|conmon exited prematurely, exit code could not be retrieved|runc did not terminate succ?essfully: (?:exit status (?:2|13[2-6]|139)\b|signal: (?:segmentation fault|aborted|illegal instruction|bus error))|Error while dialing:? dial unix[: ]\/*(?:var\/)?run\/(?:(?:docker\/)?containerd\/(?:docker-)?containerd|crio\/crio)\.sock: (?:connect: connection refused|timeout)|grpc: the connection is unavailable|Error response from daemon: (?:.*: )?transport is closing/i;

/**
 * Quoted lines of an engine (not kind's), test or hook step, or a failing pod's events (the kubelet relaying the node's
 * container runtime), where the runtime daemon went away or runc died (RUNTIME_GONE): a hint.
 */
export function runtimeGone(input: TriageInput): string[] {
  const out: string[] = pods(input).flatMap((p) =>
    p.events.filter((e) => RUNTIME_GONE.test(e)).map((e) => quote(`events ${p.name}`, e)),
  );
  for (const step of failedSteps(input.run)) {
    // Not kind's cluster step: there the node's own containerd speaks for a node that did not boot.
    if (step.kind === undefined || ![...ENGINE_STEPS, ...COMMAND_STEPS].includes(step.kind)) continue;
    for (const l of stepLines(input.run, step))
      if (l.part !== 'message' && RUNTIME_GONE.test(l.text)) out.push(quote(l.source, l.text));
  }
  return [...new Set(out)].slice(0, 2);
}

/**
 * podman machine's words for the VM process that runs the engine having died (`qemu exited unexpectedly with exit code
 * -1, stderr: ...`, `vfkit exited unexpectedly with exit code 1`), and WSL's for its VM that stopped under a podman
 * machine or Docker Desktop (`The Windows Subsystem for Linux instance has terminated.`). It crashed or its hypervisor
 * refused it right after start: the two read alike, so only a hint.
 */
const VM_EXITED =
  /\b(?:qemu|vfkit|krunkit)[\w-]* exited unexpectedly|The Windows Subsystem for Linux instance has terminated/i;

/** Quoted lines (the probe's error first) where the engine's VM process exited unexpectedly (VM_EXITED). */
export function machineVmExited(input: TriageInput): string[] {
  const e = engine(input);
  const probe =
    e && !e.reachable && e.error && VM_EXITED.test(e.error) ? [quote('engine', `${e.name}: ${e.error}`)] : [];
  return probe.length > 0 ? probe : failureLinesMatching(input, VM_EXITED, 1);
}

/**
 * The VM's own stderr when the installed emulator cannot run the machine at all, relayed after VM_EXITED: QEMU built
 * without the accelerator the machine asks for (system/vl.c: `invalid accelerator hvf`) or without its CPU model
 * (`unable to find CPU model 'host'`), as an x86_64 QEMU on an Apple silicon Mac prints (Podman Desktop's
 * troubleshooting docs). The machine never ran: its engine is unreachable, it did not crash. An accelerator that exists
 * and failed at start (`failed to initialize kvm`, `HV_DENIED`, `Could not access KVM kernel module`) says neither, so
 * alone it stays the crash hint (an emulator regression reads alike). Not told apart yet: a failed KVM that QEMU then
 * followed with a CPU model it lacks.
 */
const VM_REFUSED = /invalid accelerator \S+|unable to find CPU model/i;

/** Whether the engine's VM exited at start because its emulator cannot run the machine (VM_EXITED with VM_REFUSED). */
export function machineVmRefused(input: TriageInput): boolean {
  const e = engine(input);
  const probe = e && !e.reachable && e.error ? e.error : '';
  const said = (re: RegExp) => re.test(probe) || failureTexts(input, re, 1).length > 0;
  return said(VM_EXITED) && said(VM_REFUSED);
}

/** Whether the probe's call was accepted and then cut (DROPPED), not refused or missing its socket. */
export function probeDropped(error: string): boolean {
  return DROPPED.test(error) && !/\bdial \w+|connection refused|no such file|cannot find the file/i.test(error);
}

/** A line without the prefix a runner put before it (`# `, `> `), trimmed; BuildKit's `#12 3.4 ` step log stays. */
export function unrelayed(text: string): string {
  const t = text.trim();
  return STEP_LOG.test(t) ? t : t.replace(RELAY_PREFIX, '').trim();
}

/** Whether the probe's error shows a Go runtime crash: its first line a crash form, or any line a crash header. */
function probeCrashed(error: string): boolean {
  if (REQUESTED_DUMP.test(error)) return false;
  if (GO_CRASH.test(error.trim())) return true;
  return error.split('\n').some((l) => GO_CRASH_HEADER.test(l.trim().replace(RELAY_PREFIX, '')));
}
