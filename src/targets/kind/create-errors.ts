// The errors of `kind create cluster`: the silent hang stopped by its timeout, and known failure signatures.
import { engineProbeFact, ExitCode, TarmacError } from '../../errors/errors.js';
import type { EngineHealth } from '../../engines/types.js';
import { formatDuration } from '../../config/duration.js';
import type { CommandResult } from '../../exec/types.js';
import { kindErrorLine } from './kind-tools.js';

/** What happened around a failed create, for the message and its details. */
export interface CreateAftermath {
  cluster: string;
  /** Where `kind export logs` wrote, or why it could not. */
  logs: string;
  /** What the cleanup did, e.g. "left-over nodes deleted". */
  cleanup: string;
}

/** Known failure signatures of kind create (research-kind-podman.md, modes 8-12), most specific first. */
const SIGNATURES: { pattern: RegExp; hint: (cluster: string) => string }[] = [
  {
    pattern: /rootless provider requires/i,
    hint: () =>
      'kind refuses this rootless engine: see https://kind.sigs.k8s.io/docs/user/rootless/ (cgroup v2 and Delegate=yes), or use a rootful podman machine.',
  },
  {
    pattern: /Reached target \.\*Multi-User System/i,
    hint: () =>
      'The node container did not boot systemd within 30s: check cgroups and privileges, and that the machine is not starved (`podman logs` of the node in the exported logs).',
  },
  {
    pattern: /address already in use|port is already allocated|bind: permission denied/i,
    hint: () =>
      'A host port of the kind config (API server or extraPortMappings) is taken: free it, or change the port in the kind config.',
  },
  {
    pattern: /failed to ensure (podman|docker) network/i,
    hint: () =>
      'The `kind` network could not be created: inspect it with `podman network inspect kind`; remove it once no nodes use it.',
  },
  {
    pattern: /error reading file/i,
    hint: () => 'Check cluster.kindConfig in tarmac.yaml: the kind config file must exist.',
  },
  {
    pattern: /failed to (init|join) node with kubeadm/i,
    hint: (c) =>
      `kubeadm failed inside a node: read kubelet.log in the exported logs, or run \`kind export logs --name ${c}\` after a create with --retain.`,
  },
];

/** The hint for a failed create, by the output's signature. */
export function createFailureHint(result: CommandResult, aftermath: CreateAftermath): string {
  const text = `${result.stderr}\n${result.stdout}`;
  const known = SIGNATURES.find((s) => s.pattern.test(text));
  return `${known ? `${known.hint(aftermath.cluster)} ` : ''}kind's logs: ${aftermath.logs}.`;
}

/** A create that exited non-zero: kind's own error line, the last output lines, where the logs are. */
export function createFailedError(result: CommandResult, aftermath: CreateAftermath): TarmacError {
  return new TarmacError(
    'CLUSTER_CREATE_FAILED',
    `kind create cluster ${aftermath.cluster} failed: ${kindErrorLine(result)}`,
    {
      exitCode: ExitCode.environment,
      hint: createFailureHint(result, aftermath),
      details: [...result.tail.slice(-15), `(${aftermath.cleanup})`],
      cause: { command: result.command, exitCode: result.exitCode },
    },
  );
}

/**
 * A create stopped by its timeout: how long it printed nothing, the budget, and what the engine health
 * probe says, so the seed's 17-minute silence becomes one clear message.
 */
export function createTimeoutError(
  result: CommandResult,
  silentMs: number,
  engineHealth: EngineHealth,
  aftermath: CreateAftermath,
): TarmacError {
  const budget = formatDuration(result.timeoutMs ?? result.durationMs);
  const lastLine = result.tail.at(-1)?.trim();
  return new TarmacError(
    'CLUSTER_CREATE_TIMEOUT',
    `kind create cluster printed nothing for ${formatDuration(silentMs)} and did not finish within ${budget}; the engine health probe says: ${engineHealth.detail}`,
    {
      exitCode: ExitCode.infrastructure,
      hint: `If the machine is only slow, raise timeouts.cluster in tarmac.yaml. To see what the nodes were doing, read ${aftermath.logs} (or run \`kind export logs --name ${aftermath.cluster}\` on a retained cluster).`,
      details: [
        lastLine === undefined ? 'kind printed no output at all' : `last output line: ${lastLine}`,
        `(${aftermath.cleanup})`,
      ],
      cause: { command: result.command, timedOut: true },
      probe: engineProbeFact(engineHealth),
    },
  );
}
