// Playing one unit: write its YAML (kept under the state dir for debugging; down removes it), run
// `podman kube play` on the env network with the Service names as DNS aliases, and turn failures
// into errors that say what went wrong. Host ports are chosen just before; a port taken in the
// meantime is retried with fresh ones.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../files/private.js';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import type { CommandResult } from '../../exec/types.js';
import { chooseHostPorts, withHostPorts } from './host-ports.js';
import type { PlayUnit } from './play-plan.js';
import type { PodmanCli } from './podman-cli.js';
import { isSecretReadFailure, secretReads } from './secret-reads.js';
import { asRecord } from './shape.js';

const PORT_ATTEMPTS = 3;

export interface PlayOptions {
  cli: PodmanCli;
  network: string;
  playDir: string;
  previousPorts: Record<string, number>;
  timeoutMs: number;
  /** Pull from an insecure (plain HTTP) registry if podman has to pull. */
  insecure: boolean;
  signal: AbortSignal;
  output: (line: string) => void;
  /** Removes a half-created pod of this unit (after a failed play). */
  removePod: (name: string) => Promise<void>;
}

/** The `--network` value: the env network plus one alias per Service name. */
export function networkArg(network: string, aliases: string[]): string {
  return aliases.length === 0 ? network : `${network}:${aliases.map((a) => `alias=${a}`).join(',')}`;
}

/** Plays the unit; resolves with the host ports it published and the played file. */
export async function playUnit(
  unit: PlayUnit,
  options: PlayOptions,
): Promise<{ hostPorts: Record<string, number>; playFile: string }> {
  const playFile = join(options.playDir, `${unit.podName}.yaml`);
  await mkdir(options.playDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  let previous = options.previousPorts;
  for (let attempt = 1; ; attempt++) {
    const hostPorts = await chooseHostPorts(unit.publish, previous);
    const documents = [...unit.extras, withHostPorts(unit.pod, hostPorts)].map((doc) => stringify(doc)).join('---\n');
    await writeFile(
      playFile,
      `# Played by tarmac on network ${options.network}; removed by \`tarmac down\`.\n${documents}`,
      // The played YAML holds the env's Secrets (their data, base64): only the owner may read it.
      { mode: PRIVATE_FILE_MODE },
    );
    await chmod(playFile, PRIVATE_FILE_MODE);
    const args = [
      'kube',
      'play',
      ...(options.insecure ? ['--tls-verify=false'] : []),
      '--network',
      networkArg(options.network, unit.aliases),
      playFile,
    ];
    const result = await options.cli.run(args, {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onLine: (line) => options.output(line),
    });
    if (result.ok) return { hostPorts, playFile };
    if (/failed to start \d+ containers?/i.test(result.stderr)) throw startFailed(unit, result, options.cli);
    await options.removePod(unit.podName);
    if (/address already in use/i.test(result.stderr) && attempt < PORT_ATTEMPTS) {
      options.output(`a chosen host port was taken meanwhile; retrying ${unit.podName} with other ports`);
      previous = {};
      continue;
    }
    throw playFailed(unit, result, options.cli, playFile);
  }
}

// The pod exists but a container could not start (e.g. its command does not exist): the pod is kept
// for its evidence; down removes it.
function startFailed(unit: PlayUnit, result: CommandResult, cli: PodmanCli): TarmacError {
  const error = cli.failed(
    result,
    `${unit.workload.kind}/${unit.workload.name} (${unit.source}): a container of pod ${unit.podName} could not start`,
  );
  const reason = result.tail.find((line) => /runc|crun|OCI runtime|starting container/i.test(line));
  return new TarmacError(
    'CONTAINER_START_FAILED',
    reason ? `${error.message}: ${reason.replace(/^\[|\]$/g, '')}` : error.message,
    {
      details: error.details,
      hint: 'Check the container command and its image (the entrypoint must exist in the image).',
      cause: error,
    },
  );
}

function playFailed(unit: PlayUnit, result: CommandResult, cli: PodmanCli, playFile: string): TarmacError {
  const pull = result.tail.find((line) =>
    /initializing source|pinging container registry|manifest unknown|image not known|pull access denied/i.test(line),
  );
  const error = cli.failed(
    result,
    `podman kube play of ${unit.workload.kind}/${unit.workload.name} (${unit.source}) failed`,
    `The played file is ${playFile}.`,
  );
  const reads = secretReads(asRecord(unit.pod.spec) ?? {});
  if (reads.length > 0 && isSecretReadFailure(result.stderr))
    return new TarmacError(
      'PODMAN_TARGET_UNSUPPORTED',
      `${unit.workload.kind}/${unit.workload.name} (${unit.source}): this podman's kube play cannot give a Secret to a container: ${reads.join('; ')}`,
      {
        exitCode: ExitCode.usage,
        details: error.details,
        hint: 'podman 4.3 stores a played Secret as YAML and cannot read it back (env: "secret ... is not valid JSON"; a secret volume crashes podman). On the podman target read the value from a ConfigMap, or use a newer podman, or deploy to a real cluster (cluster.target: kind).',
        cause: error,
      },
    );
  if (!pull) return error;
  const image = unit.images.find((i) => pull.includes(i.ref))?.ref ?? unit.images[0]?.ref ?? '?';
  return new TarmacError(
    'IMAGE_PULL_FAILED',
    `${unit.workload.kind}/${unit.workload.name} (${unit.source}): podman could not pull image ${image}`,
    {
      details: error.details,
      hint: 'Check the image reference and that its registry is reachable (an insecure local registry needs registry.insecure: true).',
      cause: error,
    },
  );
}
