// The engine does not answer at all: a stopped podman machine, a dead API socket, a Docker daemon that is not running.
import type { Match, Rule, TriageInput } from '../types.js';
import { conf, engine, engineCmd, failureLines, quote, workloadFailed } from './evidence-facts.js';
import { failedSteps, incidents } from './journal-facts.js';
import { noAnswer, UNIT_START_HUNG } from './engine-hung.js';
import { engineRuntimeCrash, machineVmRefused, probeDropped } from './engine-runtime-crash.js';
import { ENGINE_TCP_CUT } from './engine-cut-forms.js';

/**
 * The engine clients' own words for a daemon they could not reach: docker's CLI ("Cannot connect to the Docker
 * daemon at ..."), its gRPC dialer ("failed to dial gRPC: cannot connect to the Docker daemon"), docker-compose v1
 * ("Couldn't connect to Docker daemon at ... - is it running?"), podman's remote client ("Cannot connect to Podman",
 * "unable to connect to Podman socket").
 */
export const ENGINE_CLIENT_UNREACHABLE =
  /(?:cannot|can't|couldn'?t|could not|unable to|failed to) (?:connect to the Docker daemon|connect to Docker daemon|connect to Podman\b)|unable to connect to Podman socket/i;

const UNREACHABLE =
  /Cannot connect to Podman|unable to connect to Podman socket|(?:cannot|can't|couldn'?t|could not|unable to|failed to) (?:connect to the Docker daemon|connect to Docker daemon)|error during connect|dial unix .*: connect: (connection refused|no such file or directory)|ssh: rejected: connect failed|permission denied while trying to connect to the Docker daemon socket|open \/\/\.\/pipe\/(?:docker_engine|docker_cli|podman-\S+): The system cannot find the file specified/i;

/**
 * A dial's own detail after the client's heading: the socket or pipe missing, a connection refused, an ssh tunnel
 * refused, a permission. Without any, the heading alone (docker's `Cannot connect to the Docker daemon at
 * unix:///var/run/docker.sock. Is the docker daemon running?`) is printed alike for a daemon that was never started
 * or was stopped, a client pointed at another address, and a daemon that died (docker/for-linux#291: a dockerd panic
 * behind the same line): text two causes print, below 50%.
 */
const DIAL_DETAIL =
  /\bdial \w+|refused|no such file|cannot find the file|ssh: |permission denied|timed? ?out|deadline/i;

/**
 * A connection refused on the engine's unix socket: the socket file is there and nothing listens on it. A daemon that
 * stops cleanly closes its listener, which unlinks the file (Go's net.UnixListener unlinks on Close the socket that
 * Listen created), so its client finds no file (`no such file or directory`); a daemon that died without closing it (a
 * crash, a kill) leaves it behind. Both readings: below 50%.
 */
const STALE_SOCKET = /\bdial unix \S+: connect: connection refused/i;
/**
 * The machine's SSH server refusing to forward the client's connection to the API socket inside it (golang.org/x/crypto
 * ssh OpenChannelError: `ssh: rejected: connect failed (open failed)`, OpenSSH's answer when its connect to the socket
 * fails): the machine is up, the engine's socket in it is missing or has nothing listening. Not started yet, stopped, or
 * died: both readings, below 50%.
 */
const FORWARD_REFUSED = /ssh: rejected: connect failed/i;

/** Shorter connection-failure words a probe error may carry. */
const REACH = /connect|refused|no such file|not running|machine|socket|timed? ?out|deadline/i;

export const engineUnreachable: Rule = {
  id: 'engine-unreachable',
  title: 'The container engine is not reachable (machine stopped, socket gone, daemon down)',
  refs: ['research-kind-podman §B 1', 'research-kind-podman §B 23'],
  match(input: TriageInput): Match | undefined {
    const e = engine(input);
    const down = e !== undefined && !e.reachable && !e.hung;
    // Words a failed RUN instruction printed are the workload's (its own tools' connection errors), not the engine's.
    const lines = failureLines(input, (line, step) => UNREACHABLE.test(line.text) && !workloadFailed(input, step), 3);
    const failedOnEngine = failedSteps(input.run).filter(
      (f) => f.error?.code === 'ENGINE_UNREACHABLE' || f.error?.code === 'ENGINE_LOST',
    );
    if (!down && lines.length === 0) return undefined;
    const machines = input.evidence.machine?.data;
    const stopped = machines?.exists ? machines.machines.filter((m) => m.state !== 'running') : [];
    // A crash the journal recorded is the root cause; "unreachable now" is then its consequence.
    // So is the engine's own crash report beside it (a Go crash, systemd's or the kernel's report of its process).
    const crashed =
      incidents(input.run, 'engine-crash', 'engine-lost').length > 0 || engineRuntimeCrash(input).length > 0;
    let confidence =
      down && (lines.length > 0 || failedOnEngine.length > 0) ? 0.9 : down ? 0.75 : e?.reachable ? 0.4 : 0.7;
    if (crashed) confidence -= 0.25;
    // A probe that failed with an error that is not a connection failure (a crash, a hang, a broken store) does not
    // show an unreachable engine: only that the probe failed.
    if (down && lines.length === 0 && e.error !== undefined && !UNREACHABLE.test(e.error) && !REACH.test(e.error))
      confidence = Math.min(confidence, 0.45);
    // The machine's VM exited at start because its emulator cannot run it (its stderr names an accelerator or a CPU
    // model the emulator does not have): the machine never ran, so nothing could answer.
    const vmRefused = down && machineVmRefused(input);
    if (vmRefused) confidence = Math.max(confidence, 0.7);
    // Only the client's heading, no dial detail and no stopped machine: not started, stopped, another address, or died.
    const said = [...lines, ...(down && e.error !== undefined ? [e.error] : [])];
    const headingOnly = said.length > 0 && !said.some((t) => DIAL_DETAIL.test(t)) && stopped.length === 0;
    if (headingOnly && !vmRefused) confidence = Math.min(confidence, 0.45);
    // Its socket left behind with nothing listening: the daemon may have died without closing it.
    const detailed = said.filter((t) => DIAL_DETAIL.test(t));
    const staleSocket = detailed.length > 0 && detailed.every((t) => STALE_SOCKET.test(t)) && stopped.length === 0;
    const forwardRefused =
      detailed.length > 0 && detailed.every((t) => FORWARD_REFUSED.test(t)) && stopped.length === 0 && !vmRefused;
    if (staleSocket || forwardRefused) confidence = Math.min(confidence, 0.45);
    // An engine whose socket took the probe and then reset it or closed it (EOF) was there: it died during the call
    // (engine-crash). docker prefixes every transport error with "error during connect", so that alone is no refusal.
    // podman's remote client heads every connection error alike (`Cannot connect to Podman. Please verify your
    // connection ...`, `unable to connect to Podman socket: ...`): the words after it decide.
    const onlyDocker = lines.every(
      (l) =>
        /error during connect|Cannot connect to Podman|unable to connect to Podman socket/i.test(l) &&
        !/\bdial\b|refused|no such file/i.test(l),
    );
    // So does a call on the Engine API over TCP that the daemon ended (ENGINE_TCP_CUT).
    if (down && onlyDocker && e.error !== undefined && (probeDropped(e.error) || ENGINE_TCP_CUT.test(e.error)))
      confidence = Math.min(confidence, 0.3);
    // An engine that took the call and never answered is hung (engine-hung), not gone; so is one whose service start
    // never completed (systemd's timeout).
    const unitHung = down && UNIT_START_HUNG.test(e.error ?? '');
    if (down && (lines.length === 0 || onlyDocker) && (noAnswer(e.error) || unitHung))
      confidence = Math.min(confidence, 0.45);
    const cmd = engineCmd(input);
    const conn = input.evidence.connections?.data;
    const evidence = [
      ...(e && !e.reachable ? [quote('engine', `${e.name} did not answer: ${e.error ?? 'unreachable'}`)] : []),
      ...(e?.reachable ? [quote('engine', `${e.name} answers again now (${e.probeMs} ms)`)] : []),
      ...stopped.map((m) => quote('machine', `podman machine ${m.name}: ${m.state}`)),
      ...(conn?.hostEnv ? [quote('connections', `engine reached through ${conn.hostEnv}`)] : []),
      ...lines,
    ];
    const actions =
      cmd === 'docker'
        ? [
            'docker info',
            'docker context ls',
            'start the Docker daemon (systemctl start docker, or Docker Desktop/Colima)',
            'journalctl -u docker --no-pager | tail -50   # a daemon that died says why (a panic, a fault signal)',
          ]
        : [
            ...(stopped.length > 0 ? stopped.map((m) => `podman machine start ${m.name}`) : []),
            ...(machines?.exists && stopped.length === 0 ? ['podman machine stop; podman machine start'] : []),
            'podman system connection list',
            ...(conn?.hostEnv
              ? [`check the API service behind ${conn.hostEnv} (e.g. systemctl --user start podman.socket)`]
              : []),
            'podman info',
          ];
    return {
      confidence: conf(confidence),
      explains: ['connection-refused', 'permission', 'timeout', 'network', 'dns'],
      summary: vmRefused
        ? "The engine is not reachable: its machine's VM did not start, the installed emulator cannot run it (it lacks the accelerator or CPU model the VM's stderr names: e.g. an x86_64 QEMU on an arm64 host)."
        : stopped.length > 0
          ? `The engine is not reachable: podman machine ${stopped.map((m) => m.name).join(', ')} is ${stopped[0]?.state ?? 'not running'}.`
          : forwardRefused
            ? `The ${cmd} engine is not reachable: its machine answers over SSH, but the API socket inside it refused the forwarded connection (missing, or nothing listens): its service was not started (yet), was stopped, or died (its journal inside the machine says which).`
            : staleSocket
              ? `The ${cmd} engine is not reachable: its API socket is there but nothing listens on it. A daemon that stops cleanly removes its socket, so it may have died without closing it (a crash, a kill: its journal says which), or it was stopped uncleanly.`
              : `The ${cmd} engine is not reachable${conn?.hostEnv ? ` at ${conn.hostEnv}` : ''}: its API socket refuses connections or is gone (a daemon that was stopped, never started, or died, or a client pointed at another address: the daemon's own log and the client's context say which).`,
      evidence,
      actions,
    };
  },
};
