// kubeadm init/join failed inside a node: a symptom whose cause the node's own logs name (kubelet, cgroups, size).
import type { Match, Rule, TriageInput } from '../types.js';
import { bytes, clusterName, conf, engine, quote } from './evidence-facts.js';
import { createFailureLines, kindLogLines } from './kind-create-signatures.js';
import { EXITED } from './kind-node-start.js';
import { NO_CGROUPS } from './kind-node-cgroups.js';
import { NOT_BOOTED } from './kind-systemd-boot.js';

export const kubeadmFailed: Rule = {
  id: 'kind-kubeadm-failed',
  title: 'kubeadm init or join failed inside a kind node',
  refs: ['research-kind-podman §B 13'],
  match(input: TriageInput): Match | undefined {
    const lines = createFailureLines(input, /failed to (init|join) node with kubeadm|error uploading crisocket/i);
    if (lines.length === 0) return undefined;
    // kubeadm waits for a kubelet; a node whose systemd did not boot or whose kubelet cannot use the host's cgroups
    // has none. That is the cause (kind-systemd-boot, kind-node-cgroups), the failed kubeadm its consequence.
    const boot = new RegExp(`${NO_CGROUPS.source}|${NOT_BOOTED.source}`, 'i');
    const nodeBoot = [...createFailureLines(input, boot, 1), ...kindLogLines(input, boot, 1)].length > 0;
    // kind's exec of kubeadm that the engine refused because the node container is no longer running (moby daemon
    // errors.go errNotRunning: `Container X is not running`; podman libpod/container_exec.go: `can only create exec
    // sessions on running containers: container state improper`): kubeadm never ran, the node went down first.
    const neverRan = createFailureLines(input, EXITED, 1).length > 0;
    const name = clusterName(input);
    const e = engine(input);
    const logs = input.evidence.kindLogs?.data?.dir;
    return {
      // kubeadm's own words name no cause (a kubelet that never got healthy: cgroups, a small machine, a crashed
      // control plane all print them), so without the node's logs saying more it stays an honest guess below 50%.
      confidence: conf(neverRan ? 0.3 : nodeBoot ? 0.4 : 0.45),
      explains: ['timeout', 'connection-refused'],
      summary: neverRan
        ? `kubeadm did not run inside a node of kind cluster ${name}: the engine said the node container was no longer running (see the node verdict).`
        : nodeBoot
          ? `kubeadm failed inside a node of kind cluster ${name}, as a consequence: the node did not boot (see the node-boot verdict).`
          : `kubeadm failed inside a node of kind cluster ${name}; its words do not say why (a kubelet that did not start, cgroups, a machine too small for the nodes): read kubelet.log.`,
      evidence: [
        ...lines,
        ...(e?.cpus
          ? [quote('engine', `${e.cpus} CPUs${e.memTotalBytes ? `, ${bytes(e.memTotalBytes)} memory` : ''}`)]
          : []),
        ...(logs ? [quote('kind-logs', `exported to ${logs}`)] : []),
      ],
      actions: [
        logs ? `grep -iE 'error|failed' ${logs}/*/kubelet.log | tail -20` : `kind export logs --name ${name}`,
        'use fewer nodes in the kind config, or give the machine more CPU and memory',
      ],
    };
  },
};
