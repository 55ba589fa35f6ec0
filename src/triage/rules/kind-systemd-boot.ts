// The node container did not reach systemd's multi-user target within kind's 30 s log wait.
import type { Match, Rule, TriageInput } from '../types.js';
import { bytes, clusterName, conf, envCluster, quote } from './evidence-facts.js';
import { createFailureLines, kindLogLines } from './kind-create-signatures.js';

/**
 * kind's wait for systemd that gave up, and systemd's own words when it stops booting as the node's PID 1 (it
 * cannot mount its API filesystems or create its cgroups, and freezes): its fatal status prefix (systemd/systemd
 * src/core/main.c: `[!!!!!!] Failed to ...`), each API filesystem it could not mount (src/shared/mount-setup.c:
 * `Failed to mount tmpfs at /run: Operation not permitted`; only those, not a runtime's mount under /run/containerd), the cgroup it cannot find itself in (src/core/cgroup.c:
 * `Cannot determine cgroup we are running in`); and systemd's /sbin/init started as no PID 1, as an engine's own init
 * (`"init": true` in daemon.json) makes it, handing over to a telinit it does not have (src/core/main.c: `Couldn't find
 * an alternative telinit implementation to spawn.`; kind's known issues, "Docker init daemon config"), and systemctl's
 * refusal inside such a node (systemd src/shared/bus-util.c: `System has not been booted with systemd as init system
 * (PID 1). Can't operate.`).
 */
export const NOT_BOOTED =
  /Couldn't find an alternative telinit implementation to spawn|could not find a log line that matches|Reached target \.\*Multi-User|Failed to mount API filesystems|Freezing execution|Failed to allocate manager object|Failed to create \/init\.scope control group|Couldn't move remaining userspace processes|Failed to mount cgroup at|\[!!!!!!\] Failed to|Failed to mount \S+ at \/(?:run|dev|sys|proc)(?:\/(?:shm|pts|mqueue|hugepages|fs\/cgroup\S*|kernel\/\S+))?: |Cannot determine cgroup we are running in|System has not been booted with systemd as init system/i;

export const kindSystemdBoot: Rule = {
  id: 'kind-systemd-boot',
  title: 'A kind node container did not boot systemd (no "Reached target Multi-User System")',
  refs: ['research-kind-podman §B 9'],
  match(input: TriageInput): Match | undefined {
    // systemd's words: in kind's output, or in the node's journal that `kind export logs` took.
    const lines = [...createFailureLines(input, NOT_BOOTED, 2), ...kindLogLines(input, NOT_BOOTED, 2)];
    if (lines.length === 0) return undefined;
    const name = clusterName(input);
    const nodeLogs = (envCluster(input)?.nodes ?? []).flatMap((n) =>
      (n.logTail ?? []).slice(-3).map((l) => quote(`podman logs ${n.name}`, l)),
    );
    const mem = input.evidence.memory?.data;
    const logs = input.evidence.kindLogs?.data?.dir;
    return {
      confidence: conf(0.9),
      explains: ['permission', 'timeout', 'connection-refused'],
      summary: `kind cluster ${name} failed to create: its node container never printed "Reached target Multi-User System" within kind's 30 s wait (systemd did not boot: cgroups, privileges, a bad mount, or a starved machine).`,
      evidence: [
        ...lines,
        ...nodeLogs,
        ...(mem ? [quote('memory', `${bytes(mem.availableBytes)} available of ${bytes(mem.totalBytes)}`)] : []),
        ...(logs ? [quote('kind-logs', `exported to ${logs}`)] : []),
      ],
      actions: [
        `kind create cluster --name ${name} --retain   # keep the node to read its boot log`,
        `podman logs ${name}-control-plane | tail -50`,
        `podman inspect -f '{{.State.Status}} {{.State.ExitCode}}' ${name}-control-plane`,
        `kind delete cluster --name ${name}`,
      ],
    };
  },
};
