// Every engine command hangs (a machine hung after sleep, an overloaded service): the probe timed out.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, engine, engineCmd, pods, quote } from './evidence-facts.js';
import { REQUESTED_DUMP } from './engine-runtime-crash.js';
import { failedSteps, incidents, stepLines } from './journal-facts.js';
import { outputMatching } from './infra-markers.js';
import type { StepKind } from '../../plan/types.js';

/**
 * The engine client's own words for an API that took the connection but never answered: Go's net/http
 * (`timeout awaiting response headers`, `Client.Timeout exceeded while awaiting headers`), a call that ran out
 * its deadline (`context deadline exceeded`), Go's read on the connected socket that timed out (golang/go src/net:
 * `read unix @->/var/run/docker.sock: i/o timeout`), urllib3's read timeout as docker-py and compose v1 print it
 * (urllib3/urllib3 src/urllib3/connectionpool.py: `UnixHTTPConnectionPool(host='localhost', port=None): Read timed
 * out. (read timeout=60)`) and compose v1's own words for it (docker/compose compose/cli/errors.py: `An HTTP request
 * took too long to complete`), and Go's client that timed out reading an answer it had begun (golang/go
 * src/net/http/client.go: `(Client.Timeout exceeded while reading body)`); never a connect that failed or timed out (`dial ...: connect:`, `dial ...: i/o
 * timeout`: unreachable).
 */
export const NO_ANSWER =
  /awaiting (?:response )?headers|Client\.Timeout exceeded while reading body|context deadline exceeded|\bread (?:unix|tcp\d?) \S+: i\/o timeout|Read timed out|An HTTP request took too long to complete/i;
const CONNECT_FAILED = /\bdial \w+ \S+: (?:connect: |i\/o timeout)|no such file or directory|connection refused/i;
/**
 * A call the engine client made on the engine's own API: podman's `/libpod/`, docker's socket or named pipe, the
 * docker Engine API's versioned path on any transport (`/v1.41/build`), docker-py's socket pools, compose v1's
 * timeout advice (it only talks to the engine).
 */
const ENGINE_PATH =
  /\/v1\.(?:1[2-9]|[2-4]\d)\/(?:_ping|info|version|containers|images|build|networks|volumes|exec|session|system|events|distribution)\b/;
// The engine API call forms, with the socket and docker-py pool forms a step kind accepts.
const apiCall = (socket: string, pool: string) =>
  new RegExp(
    `/libpod/|${socket}|docker_engine|${ENGINE_PATH.source}|${pool}|COMPOSE_HTTP_TIMEOUT|An HTTP request took too long to complete`,
  );
const API_CALL = apiCall('\\.sock\\b', '(?:Unix|Npipe)HTTPConnectionPool');
/**
 * In a test or hook command, which may call any service on any socket: only the engines' own sockets and clients
 * (docker-py's pool on the local engine socket).
 */
const COMMAND_API_CALL = apiCall(
  '(?:docker|podman)\\.sock\\b',
  "(?:Unix|Npipe)HTTPConnectionPool\\(host='localhost', port=None\\)",
);
/** Steps whose engine calls are tarmac's own, and the test or hook commands that may call the engine themselves. */
const CLIENT_STEPS: readonly StepKind[] = ['build', 'deliver', 'cluster'];
const CALLING_STEPS: readonly StepKind[] = [...CLIENT_STEPS, 'test', 'hook'];

/**
 * The engine's own words for a call it made inside itself that got no answer in time, a hint: podman waiting for
 * conmon's exit or pid file (containers/podman libpod/util.go, WaitForFile: `timed out waiting for file
 * /run/libpod/exits/ID: internal libpod error`), dockerd's answer whose own call to containerd ran out its deadline
 * (`Error response from daemon: ...: context deadline exceeded`, no registry URL, dial or lookup on the line: those are
 * the network), BuildKit's answer that its solve ran out its deadline (`failed to solve: DeadlineExceeded: context
 * deadline exceeded`, grpc-go's status code name); a container the engine killed and never saw exit (podman libpod
 * oci_conmon: `given PIDs did not die within timeout`; moby daemon/kill.go: `tried to kill container, but did not
 * receive an exit event`): its process or the runtime under it is stuck (a process in D state, a hung shim).
 */
const STALLED_INSIDE_BASE =
  /timed out waiting for file \S+: internal libpod error|given PIDs? did not die within timeout|tried to kill container, but did not receive an exit event|^(?:\w+: )?Error response from daemon: (?!.*(?:https?:\/\/|\bdial \w+|\blookup |\/v2\/))(?:.*: )?context deadline exceeded\.?\s*$|^(?:ERROR: )?failed to (?:solve|receive status): (?:rpc error: code = DeadlineExceeded desc = |DeadlineExceeded: )context deadline exceeded\s*$/im;
/**
 * The kubelet's call on its node's container runtime that ran out its deadline (a pod event: `Failed to create pod
 * sandbox: rpc error: code = DeadlineExceeded desc = context deadline exceeded`, grpc-go's status form): the runtime in
 * the node did not answer. Not an image pull: that deadline is the registry's network.
 */
const RUNTIME_DEADLINE_BASE = /rpc error: code = DeadlineExceeded desc = context deadline exceeded/;
/**
 * Twelfth round: the runtime's and the builder's own calls that ran out their deadline, in their own framing.
 * containerd's task manager wraps a shim it started and that did not answer its create call in time (containerd
 * core/runtime/v2 task manager: `failed to create shim task: %w`, with `context deadline exceeded`; as dockerd relays
 * it, `Error response from daemon: failed to create task for container: failed to create shim task: context deadline
 * exceeded: unknown`, and as the kubelet's StartError, `failed to create containerd task: failed to create shim task:
 * context deadline exceeded: unknown`). BuildKit's client wraps its first call on the daemon (moby/buildkit
 * client/build.go: `listing workers for Build`; `failed to list workers: DeadlineExceeded: context deadline exceeded`,
 * or grpc-go's status form): the builder took no call in time. Both hints: a machine starved of CPU prints them too.
 */
const OWN_CALL_DEADLINE =
  /failed to create shim task: (?:.*: )?context deadline exceeded|listing workers for Build: failed to list workers: (?:rpc error: code = DeadlineExceeded desc = |DeadlineExceeded: )?context deadline exceeded/i;
const STALLED_INSIDE = new RegExp(`${STALLED_INSIDE_BASE.source}|${OWN_CALL_DEADLINE.source}`, 'im');
const RUNTIME_DEADLINE = new RegExp(`${RUNTIME_DEADLINE_BASE.source}|${OWN_CALL_DEADLINE.source}`, 'i');
const PULL = /pull|image/i;

/** Quoted lines where the engine or the node's runtime did not answer a call of its own in time (a hint). */
function stalledInside(input: TriageInput): string[] {
  const steps = outputMatching(input, STALLED_INSIDE, 2, CALLING_STEPS);
  const events = pods(input).flatMap((p) =>
    p.events.filter((e) => RUNTIME_DEADLINE.test(e) && !PULL.test(e)).map((e) => quote(`events ${p.name}`, e)),
  );
  return [...new Set([...steps, ...events])].slice(0, 2);
}

/**
 * systemd's words for an engine service whose start never completed (systemd src/shared/bus-wait-for-jobs.c: `Job for
 * docker.service failed because a timeout was exceeded.`; src/core/service.c: `docker.service: Start operation timed
 * out. Terminating.`): the daemon hung while it started. Not a start that failed (`the control process exited`).
 */
export const UNIT_START_HUNG =
  /Job for (?:docker|podman|containerd|dockerd|crio)\S*\.(?:service|socket) failed because a timeout was exceeded|\b(?:docker|podman|containerd|crio)\S*\.service: Start operation timed out/i;

/** Whether a probe error says the engine took the call but did not answer it. */
export function noAnswer(error: string | undefined): boolean {
  return error !== undefined && NO_ANSWER.test(error) && !CONNECT_FAILED.test(error);
}

export const engineHung: Rule = {
  id: 'engine-hung',
  title: 'The container engine hangs: it accepts calls but never answers',
  refs: ['research-kind-podman §B 5', 'research-kubernaut §3 #3'],
  match(input: TriageInput): Match | undefined {
    const e = engine(input);
    const lines = [
      // The watchdogs' probe got no answer at all: when they failed a step, and when they declared a crash.
      ...failedSteps(input.run)
        .filter((f) => f.error?.probe?.timedOut === true)
        .slice(0, 3)
        .map((f) => quote(`journal ${f.stepId} [${f.error?.code}]`, f.error?.message ?? '')),
      ...incidents(input.run, 'engine-crash', 'engine-lost')
        .filter((i) => i.cause.type === 'engine-probe' && i.cause.probe.timedOut)
        .slice(0, 2)
        .map((i) => quote(`journal incident ${i.kind}`, i.message)),
      ...failedSteps(input.run)
        .filter((f) => f.error?.code === 'ENGINE_TIMEOUT')
        .map((f) => quote(`journal ${f.stepId} [ENGINE_TIMEOUT]`, f.error?.message ?? '')),
    ];
    // An engine client's call on the engine's own API that ran out its deadline: the engine took it and did not answer.
    const unanswered = failedSteps(input.run)
      .filter((f) => f.kind !== undefined && CALLING_STEPS.includes(f.kind))
      .flatMap((f) =>
        stepLines(input.run, f)
          .filter((l) => l.part !== 'message')
          .map((l) => ({ ...l, own: CLIENT_STEPS.includes(f.kind!) })),
      )
      .filter((l) => (l.own ? API_CALL : COMMAND_API_CALL).test(l.text) && noAnswer(l.text))
      .slice(0, 2)
      .map((l) => quote(l.source, l.text));
    lines.push(...unanswered);
    const silent =
      e !== undefined && !e.reachable && !e.hung && (noAnswer(e.error) || UNIT_START_HUNG.test(e.error ?? ''));
    if (silent) lines.push(quote('engine', `${e.name} version: ${e.error ?? ''}`));
    // A goroutine dump someone asked the engine (or its client) for: what one does to a process that hangs.
    const dumped = [
      ...(e !== undefined && !e.reachable && e.error !== undefined && REQUESTED_DUMP.test(e.error)
        ? [quote('engine', `${e.name} version: ${e.error}`)]
        : []),
      ...failedSteps(input.run)
        .filter((f) => f.kind !== undefined && CLIENT_STEPS.includes(f.kind))
        .flatMap((f) => stepLines(input.run, f).filter((l) => l.part !== 'message' && REQUESTED_DUMP.test(l.text)))
        .slice(0, 1)
        .map((l) => quote(l.source, l.text)),
    ];
    lines.push(...dumped);
    const inside = stalledInside(input);
    lines.push(...inside);
    if (!e?.hung && lines.length === 0) return undefined;
    // Only the engine's own inner call that timed out: a hint (an overloaded machine prints it too).
    const onlyInside = inside.length > 0 && inside.length === lines.length;
    const confidence = e?.hung
      ? lines.length > 0
        ? 0.9
        : 0.8
      : silent
        ? 0.7
        : e?.reachable || onlyInside
          ? 0.45
          : 0.65;
    const cmd = engineCmd(input);
    const machine = input.evidence.machine?.data?.exists;
    return {
      confidence: conf(confidence),
      explains: ['timeout', 'connection-refused'],
      summary: `The ${cmd} engine hangs: ${e?.hung ? `\`${cmd} info\` did not answer within ${e.probeMs} ms` : dumped.length > 0 && dumped.length === lines.length ? 'its goroutines were dumped on request (SIGQUIT), what one does to an engine that does not answer' : unanswered.length === lines.length ? 'a call on its API ran out its deadline without an answer' : onlyInside ? 'a call it made inside itself (to conmon, containerd, its build solver, or the kubelet to the node runtime) got no answer in time' : 'the watchdog probe got no answer'}, so steps waited instead of failing.`,
      evidence: [
        ...(e?.hung ? [quote('engine', `${cmd} info: no answer within ${e.probeMs} ms`)] : []),
        ...(e?.reachable ? [quote('engine', `${cmd} answers again now (${e.probeMs} ms)`)] : []),
        ...lines,
      ],
      actions: [
        ...(machine
          ? ['podman machine stop; podman machine start']
          : [`systemctl --user restart podman.socket   # or restart the service behind CONTAINER_HOST`]),
        `timeout 10 ${cmd} info`,
        'tarmac up --heal   # restarts a podman machine while waiting',
      ],
    };
  },
};
