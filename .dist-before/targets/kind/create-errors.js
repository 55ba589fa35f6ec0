import { engineProbeFact, ExitCode, TarmacError } from "../../errors/errors.js";
import { formatDuration } from "../../config/duration.js";
import { kindErrorLine } from "./kind-tools.js";
const SIGNATURES = [
  {
    pattern: /rootless provider requires/i,
    hint: () => "kind refuses this rootless engine: see https://kind.sigs.k8s.io/docs/user/rootless/ (cgroup v2 and Delegate=yes), or use a rootful podman machine."
  },
  {
    pattern: /Reached target \.\*Multi-User System/i,
    hint: () => "The node container did not boot systemd within 30s: check cgroups and privileges, and that the machine is not starved (`podman logs` of the node in the exported logs)."
  },
  {
    pattern: /address already in use|port is already allocated|bind: permission denied/i,
    hint: () => "A host port of the kind config (API server or extraPortMappings) is taken: free it, or change the port in the kind config."
  },
  {
    pattern: /failed to ensure (podman|docker) network/i,
    hint: () => "The `kind` network could not be created: inspect it with `podman network inspect kind`; remove it once no nodes use it."
  },
  {
    pattern: /error reading file/i,
    hint: () => "Check cluster.kindConfig in tarmac.yaml: the kind config file must exist."
  },
  {
    pattern: /failed to (init|join) node with kubeadm/i,
    hint: (c) => `kubeadm failed inside a node: read kubelet.log in the exported logs, or run \`kind export logs --name ${c}\` after a create with --retain.`
  }
];
function createFailureHint(result, aftermath) {
  const text = `${result.stderr}
${result.stdout}`;
  const known = SIGNATURES.find((s) => s.pattern.test(text));
  return `${known ? `${known.hint(aftermath.cluster)} ` : ""}kind's logs: ${aftermath.logs}.`;
}
function createFailedError(result, aftermath) {
  return new TarmacError(
    "CLUSTER_CREATE_FAILED",
    `kind create cluster ${aftermath.cluster} failed: ${kindErrorLine(result)}`,
    {
      exitCode: ExitCode.environment,
      hint: createFailureHint(result, aftermath),
      details: [...result.tail.slice(-15), `(${aftermath.cleanup})`],
      cause: { command: result.command, exitCode: result.exitCode }
    }
  );
}
function createTimeoutError(result, silentMs, engineHealth, aftermath) {
  const budget = formatDuration(result.timeoutMs ?? result.durationMs);
  const lastLine = result.tail.at(-1)?.trim();
  return new TarmacError(
    "CLUSTER_CREATE_TIMEOUT",
    `kind create cluster printed nothing for ${formatDuration(silentMs)} and did not finish within ${budget}; the engine health probe says: ${engineHealth.detail}`,
    {
      exitCode: ExitCode.infrastructure,
      hint: `If the machine is only slow, raise timeouts.cluster in tarmac.yaml. To see what the nodes were doing, read ${aftermath.logs} (or run \`kind export logs --name ${aftermath.cluster}\` on a retained cluster).`,
      details: [
        lastLine === void 0 ? "kind printed no output at all" : `last output line: ${lastLine}`,
        `(${aftermath.cleanup})`
      ],
      cause: { command: result.command, timedOut: true },
      probe: engineProbeFact(engineHealth)
    }
  );
}
export {
  createFailedError,
  createFailureHint,
  createTimeoutError
};
//# sourceMappingURL=create-errors.js.map
