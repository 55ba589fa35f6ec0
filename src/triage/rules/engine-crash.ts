// The engine's API service died while tarmac used it (the seed): `server probably quit`, exit 125, incident engine-crash.
import { ERROR_CODES } from '../../errors/codes.js';
import type { Match, Rule, TriageInput } from '../types.js';
import { brokenCluster, clusterLines, conf, engine, engineCmd, failureLinesMatching, quote } from './evidence-facts.js';
import { allFailures, failedSteps, incidents, planned, startCapacity, type Incident } from './journal-facts.js';
import {
  commandLostEngine,
  engineRuntimeCrash,
  machineVmExited,
  machineVmRefused,
  runtimeCallCut,
  runtimeGone,
} from './engine-runtime-crash.js';
import { contextStreamCut } from './context-stream-cut.js';
import { engineTcpCut } from './engine-cut-forms.js';
import { engineApiProxyFailed, unattributedGoCrash } from './engine-crash-hints.js';
import { SHELL_ENGINE_FAULT, shellReportedEngineFault } from './engine-shell-fault.js';

const CRASH_TEXT = /server probably quit|read\/write on closed pipe/i;
/** Failures that follow from a dead engine or its casualties (the cluster's node containers). */
const CONSEQUENCE =
  /^(ENGINE_|CLUSTER_|NODE_UNAVAILABLE|KIND_LOAD_FAILED|DELIVERY_NOT_VERIFIED|STEP_TIMEOUT|DEPLOY_TIMEOUT|DEPLOY_APPLY_FAILED)/;

export const engineCrash: Rule = {
  id: 'engine-crash',
  title: 'The container engine crashed during the run',
  refs: ['research-kubernaut §3 #1', 'research-kubernaut §3 #2', 'research-kind-podman §B 2'],
  match(input: TriageInput): Match | undefined {
    const run = input.run;
    const crashes = incidents(run, 'engine-crash', 'engine-lost');
    const crashLines = failureLinesMatching(input, CRASH_TEXT, 3);
    const earlierCrash = allFailures(run).some(
      (f) => f.error?.code === 'ENGINE_UNREACHABLE' && CRASH_TEXT.test(f.error.message),
    );
    // The engine's own program crashed (a Go runtime crash in the probe or in its own code), journal or not.
    // The shell's report that an engine's own program died of a fault signal (bash's, zsh's) is its crash too.
    const runtimeCrash = [...engineRuntimeCrash(input), ...shellReportedEngineFault(input)].slice(0, 4);
    // A test or hook command's own docker/podman call cut by the engine: a hint, never more than half.
    const commandLost = [...commandLostEngine(input), ...runtimeCallCut(input)];
    // The engine's runtime daemon (containerd, its shim) went away under it: a hint.
    const runtimeLost = runtimeGone(input);
    // The VM the engine runs in exited (podman machine): crashed, or refused by its hypervisor at start. When its
    // stderr says the emulator lacks the machine's accelerator or CPU model, it never ran: engine-unreachable's.
    const vmExited = machineVmRefused(input) ? [] : machineVmExited(input);
    // The engine stopped reading a build's context mid-upload (podman's remote client): crashed or cut off, a hint.
    const streamCut = contextStreamCut(input);
    // The docker CLI's call on the Engine API over TCP that the peer ended mid-call: the daemon died, or a proxy cut it.
    const apiCut = engineTcpCut(input);
    // A Go runtime crash in a build's output that names no program, while no instruction ran; the Engine API's proxy
    // answering 5xx for its daemon mid-run: hints.
    const unnamed = [...unattributedGoCrash(input), ...engineApiProxyFailed(input)];
    const noSignal =
      crashes.length === 0 &&
      crashLines.length === 0 &&
      !earlierCrash &&
      runtimeCrash.length === 0 &&
      streamCut.length === 0;
    const hints = [...vmExited, ...commandLost, ...runtimeLost, ...apiCut, ...unnamed];
    if (noSignal && hints.length === 0) return undefined;

    const failed = failedSteps(run);
    const explained = failed.filter((f) => f.error && CONSEQUENCE.test(f.error.code));
    const lost = crashes.some((i) => i.kind === 'engine-lost') || failed.some((f) => f.error?.code === 'ENGINE_LOST');
    const cluster = brokenCluster(input);
    let confidence: number;
    if (failed.length === 0) confidence = 0.3;
    else if (lost || (crashes.length > 0 && explained.length === failed.length)) confidence = 0.95;
    else if (explained.length > 0) confidence = 0.75;
    else confidence = 0.35; // the engine came back and something unrelated failed later
    if (crashes.length === 0) confidence -= 0.1; // no incident: only the text says so
    // The engine's own crash trace explains the failed step even when the run did not see a lost engine.
    if (runtimeCrash.length > 0 && crashes.length === 0) confidence = Math.max(confidence, 0.7);
    // The watchdog also records a probe that got no answer as a crash; if the engine still hangs now (it did not
    // die, it stopped answering), engine-hung is the better verdict.
    const probeTimeoutOnly =
      crashLines.length === 0 &&
      crashes.length > 0 &&
      crashes.every((i) => i.cause.type === 'engine-probe' && i.cause.probe.timedOut);
    if (probeTimeoutOnly && engine(input)?.hung) confidence = Math.min(confidence, 0.6);
    if (noSignal) confidence = commandLost.length > 0 || apiCut.length > 0 ? 0.45 : 0.48;
    // Only the text says so, and a cut connection reads alike: below half, yet above a build blamed on nothing.
    if (streamCut.length > 0 && crashes.length === 0 && runtimeCrash.length === 0)
      confidence = Math.max(confidence, 0.45);

    const first = crashes[0];
    const parallel = first
      ? first.stepIds.filter((id) => planned(run).get(id)?.kind === 'build' || id.startsWith('build:'))
      : [];
    const capacity = startCapacity(run);
    const evidence = [
      ...crashes.map((i) => quote(`journal incident ${i.kind}`, i.message)),
      ...(first ? first.evidence.slice(0, 2).map((l) => quote('journal incident evidence', l)) : []),
      ...crashLines,
      // The closed pipe is crash text already; a broken build request is only the stream cut's.
      ...(crashLines.length === 0 ? streamCut : []),
      ...runtimeCrash,
      ...(noSignal ? hints : []),
      ...(first && first.stepIds.length > 0
        ? [quote('journal incident', `running at the crash: ${first.stepIds.join(', ')}`)]
        : []),
      ...failed
        .slice(0, 4)
        .map((f) => quote(`journal ${f.stepId}`, `failed: ${f.error?.code ?? '?'} ${f.error?.message ?? ''}`)),
      ...engineNow(input),
      ...(cluster ? clusterLines(cluster) : []),
    ];
    const cause = crashCause({
      first,
      noSignal,
      vmExited,
      commandLost,
      runtimeLost,
      runtimeCrash,
      crashLines,
      streamCut,
      apiCut,
      unnamed,
    });
    const builds =
      parallel.length > 1
        ? ` while ${parallel.length} builds ran in parallel${capacity ? ` (capacity ${capacity})` : ''}`
        : '';
    const casualty = cluster
      ? `; kind cluster ${cluster.name} is a casualty: it is still listed, but its node container is not running and its API does not answer`
      : '';
    const cmd = engineCmd(input);
    const lower = Math.max(1, (parallel.length || capacity || 2) - 1);
    const actions = [
      ...(cluster ? [`kind delete cluster --name ${cluster.name}`, `${cmd} system prune -f`] : []),
      lost
        ? `${cmd} info   # bring the engine back first (podman machine start / systemctl --user start podman.socket)`
        : `${cmd} info`,
      `tarmac up --capacity ${lower}   # or set build.capacity: ${lower} in tarmac.yaml, so fewer builds share the engine`,
      ...(input.evidence.machine?.data?.exists
        ? ['podman machine stop && podman machine set --memory 8192 && podman machine start']
        : []),
    ];
    return {
      confidence: conf(confidence),
      explains: ['connection-refused', 'network', 'timeout', 'memory', 'crash'],
      summary: `The container engine crashed (${cause})${builds}${lost ? ' and did not come back' : ''}${casualty}.`,
      evidence,
      actions,
    };
  },
};

/** Words of the engine's own crash in its quoted lines: a Go runtime crash, a fault signal, a core dump. */
const OWN_CRASH =
  /panic|SIG[A-Z]+|goroutine|fatal error|\.go:\d+|Segmentation|core dumped|dumped core|terminated abnormally|code=(?:dumped|killed)|core-dump/i;

// The crash's cause in the summary's words, from the strongest signal there is.
function crashCause(s: {
  first: Incident | undefined;
  noSignal: boolean;
  vmExited: string[];
  commandLost: string[];
  runtimeLost: string[];
  runtimeCrash: string[];
  crashLines: string[];
  streamCut: string[];
  apiCut: string[];
  unnamed: string[];
}): string {
  if (s.first) return causeText(s.first);
  if (s.noSignal) {
    if (s.vmExited.length > 0 && s.commandLost.length === 0)
      return "its machine's VM process exited unexpectedly: it crashed, or its hypervisor refused it at start (the VM's stderr says which)";
    // The weaker hints speak only when none of the named ones (a lost command, an exited VM, a lost runtime) does.
    const named = s.commandLost.length + s.vmExited.length + s.runtimeLost.length > 0;
    if (s.unnamed.length > 0 && !named)
      return "a Go runtime crash that names no program while no instruction ran, or the Engine API's proxy answering 5xx for its daemon: most likely the daemon (or its BuildKit) died; its own log says so";
    if (s.apiCut.length > 0 && !named)
      return 'its API over TCP ended a call it had taken (EOF or a reset): the daemon died or restarted, or a proxy between client and daemon cut it';
    if (s.runtimeLost.length > 0 && s.commandLost.length === 0 && s.vmExited.length === 0)
      return "its runtime went away under it (containerd or a container's shim closed its connection mid-call, podman's conmon was killed, or runc died of a fault signal: crashed or killed)";
    return 'a call on the container runtime was cut mid-call (a command of the run, or the kubelet in a node); it may have restarted since';
  }
  if (s.streamCut.length > 0 && s.runtimeCrash.length === 0)
    return "it stopped reading the build's context in the middle of the upload: the service or its machine crashed, or the connection to it was cut";
  if (s.runtimeCrash.some((l) => SHELL_ENGINE_FAULT.test(l)) && s.crashLines.length === 0)
    return 'its own program died of a fault signal, as the shell that ran it reported (a segfault, an abort, an instruction this CPU lacks)';
  if (s.runtimeCrash.length > 0 && s.crashLines.length === 0)
    return s.runtimeCrash.some((l) => OWN_CRASH.test(l))
      ? 'its own program crashed: a Go runtime panic in the engine'
      : 'its API or build stream was cut in the middle of a call it had accepted';
  return 'server probably quit';
}

function engineNow(input: TriageInput): string[] {
  const e = engine(input);
  if (!e) return [];
  return [
    quote(
      'engine',
      e.reachable
        ? `${e.name} ${e.version ?? ''} answers now (${e.probeMs} ms)`
        : `${e.name} does not answer now: ${e.error ?? (e.hung ? 'no answer' : 'unreachable')}`,
    ),
  ];
}

/** The crash's cause in words, from its typed cause: the engine's own line, or what the watchdog's probe said. */
function causeText(incident: Incident): string {
  const cause = incident.cause;
  if (cause.type === 'engine-error') return cause.engineLine ?? `${cause.code}: ${ERROR_CODES[cause.code].summary}`;
  if (cause.type === 'engine-probe') return `the engine probe failed: ${cause.probe.detail}`;
  return incident.message;
}
