// A host port the cluster or a pod publishes is already taken (or privileged under rootless).
import type { Match, Rule, TriageInput } from '../types.js';
import { captureFromFailures, conf, engine, engineCmd, failureLinesMatching, pods, quote } from './evidence-facts.js';
import { failedSteps } from './journal-facts.js';
import { HOST_PORTS_TAKEN } from './unschedulable.js';

/** The taken-port words alone (not a privileged port): what a test command's own container or server may hit. */
const TAKEN =
  /address already in use|Only one usage of each socket address|port is already allocated|Ports are not available|\bPort \d+ (?:is|was) (?:already )?in use(?!, trying)/i;
/**
 * The port is taken (TAKEN: each platform's words for EADDRINUSE, Linux/macOS "address already in use", Windows "Only
 * one usage of each socket address"; docker's "port is already allocated", Docker Desktop's "Ports are not
 * available"; kubeadm's preflight, kubernetes/kubernetes cmd/kubeadm/app/preflight/checks.go: `Port 6443 is in use`;
 * Spring Boot's `Port 8080 was already in use`), or may not be bound: Windows' WSAEACCES for a port in a range the host
 * reserved (Hyper-V's excluded port ranges: `An attempt was made to access a socket in a way forbidden by its access
 * permissions`), or a privileged port under rootless.
 */
const IN_USE = new RegExp(
  `${TAKEN.source}|access a socket in a way forbidden by its access permissions|proxy already running|bind: permission denied|cannot expose privileged port`,
  'i',
);
/**
 * A rootless port forwarder that could not bind the host port but does not say why: slirp4netns answers
 * `add_hostfwd: slirp_add_hostfwd failed` (its API carries no errno), and docker's userland proxy that failed on
 * another error (moby/moby libnetwork/portmapper: `Error starting userland proxy: ...`); the host port being taken is
 * its usual cause, a privileged port the other, so the rule is less sure than with the kernel's own words.
 */
const FORWARD_FAILED =
  /slirp_add_hostfwd failed|failed to expose ports via rootlessport|Error starting userland proxy: (?!.*address already in use)/i;
const PORT = /(?:(?:listen tcp[46]?|Bind for) [\d.]*:|\bPort (?=\d+ (?:is|was) ))(\d+)/i;

export const hostPortInUse: Rule = {
  id: 'host-port-in-use',
  title: 'A host port the env publishes is already in use',
  refs: ['research-kind-podman §B 11', 'research-kubernaut §3 #16'],
  match(input: TriageInput): Match | undefined {
    const stated = failureLinesMatching(input, IN_USE, 3, ['cluster', 'deploy']);
    const forward = stated.length > 0 ? [] : failureLinesMatching(input, FORWARD_FAILED, 2, ['cluster', 'deploy']);
    // A test command whose own container or server found its port taken: the port is in use on the host, though
    // the test itself may be what holds it, so less sure than for a port the env publishes.
    const inTest = stated.length > 0 || forward.length > 0 ? [] : failureLinesMatching(input, TAKEN, 2, ['test']);
    // The scheduler found the pod's hostPort taken on every node (its NodePorts filter).
    const scheduler = pods(input).flatMap((p) =>
      p.events.filter((e) => HOST_PORTS_TAKEN.test(e)).map((e) => quote(`events ${p.name}`, e)),
    );
    // An engine (a podman machine's port forwarder) that could not start because its port was taken.
    const e = engine(input);
    const probe = e && !e.reachable && e.error && TAKEN.test(e.error) ? [quote('engine', `${e.name}: ${e.error}`)] : [];
    const lines = [...stated, ...forward, ...inTest, ...scheduler.slice(0, 1), ...probe];
    const taken = (input.evidence.ports?.data?.ports ?? []).filter((p) => p.inUse && p.ours !== true);
    const failed = failedSteps(input.run).some((f) => f.kind === 'cluster' || f.kind === 'deploy');
    if (lines.length === 0 && !(taken.length > 0 && failed)) return undefined;
    const permission = lines.some((l) => /permission denied|privileged port/i.test(l));
    const port = captureFromFailures(input, PORT) ?? (taken[0] ? String(taken[0].port) : undefined);
    const holder = taken.find((p) => String(p.port) === port) ?? taken[0];
    const confidence =
      stated.length > 0
        ? // Windows' WSAEACCES alone: a reserved range as often as a taken port.
          stated.every((l) => /forbidden by its access permissions/i.test(l))
          ? 0.7
          : 0.9
        : scheduler.length > 0
          ? 0.85
          : forward.length > 0 || inTest.length > 0 || probe.length > 0
            ? 0.6
            : 0.55;
    const cmd = engineCmd(input);
    return {
      confidence: conf(confidence),
      explains: ['permission', 'port-in-use'],
      summary: permission
        ? `Port ${port ?? '?'} is below 1024 and the rootless engine may not bind it.`
        : scheduler.length > 0 && stated.length === 0
          ? `No node could take the pod: the hostPort it asks for is already taken on every node (by another pod or a process of the node).`
          : inTest.length > 0
            ? `Port ${port ?? '?'} was already in use when the test command's own container or server tried to bind it (another process, or the env's own port-forward, holds it).`
            : lines.some((l) => /forbidden by its access permissions/i.test(l))
              ? `Host port ${port ?? '?'} may not be bound: Windows reserved it (an excluded port range of Hyper-V/WinNAT, \`netsh interface ipv4 show excludedportrange protocol=tcp\`) or another process holds it.`
              : stated.length === 0 && forward.length > 0
                ? `The rootless port forwarder could not bind host port ${port ?? '?'} (it does not say why: usually the port is already in use, else a privileged port), so ${holder?.wantedBy ?? 'the container that publishes it'} could not start.`
                : `Host port ${port ?? '?'} is already in use${holder?.by ? ` by ${holder.by}` : ''}, so ${holder?.wantedBy ?? 'the cluster or pod that publishes it'} could not start.`,
      evidence: [
        ...lines,
        ...taken.map((p) => quote('ports', `${p.port} in use${p.by ? ` by ${p.by}` : ''} (wanted by ${p.wantedBy})`)),
      ],
      actions: permission
        ? ['use a port ≥ 1024 in the kind config / manifest, or: sysctl net.ipv4.ip_unprivileged_port_start=80']
        : [
            `ss -ltnp 'sport = :${port ?? '<port>'}'   # or: lsof -nP -iTCP:${port ?? '<port>'} -sTCP:LISTEN`,
            `${cmd} ps --format '{{.Names}} {{.Ports}}' | grep ':${port ?? '<port>'}->'`,
            `stop what holds port ${port ?? '<port>'}, or change that port in the kind config (extraPortMappings.hostPort) or the manifest (hostPort)`,
          ],
    };
  },
};
