// The podman secrets `kube play` made of the env's Secrets. podman 4.3.1 keeps one per Secret, under the Secret's own
// (global) name and without labels (`secret inspect` shows `Spec.Labels: {}`), so they are known only by the names the
// state file recorded before each play: down removes those that still exist, and no other secret. For the same reason
// a play that would make a secret whose name another owner already uses is refused: podman would overwrite it, and
// down would then remove it.
import { ExitCode, TarmacError } from '../../errors/errors.js';
import type { DownReport } from '../types.js';
import type { PodmanCli } from './podman-cli.js';

/** Throws SECRET_NAME_TAKEN when a secret `wanted` names exists and is not one this env recorded. */
export async function refuseForeignSecrets(
  cli: PodmanCli,
  env: string,
  wanted: readonly string[],
  recorded: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  const unknown = wanted.filter((name) => !recorded.includes(name));
  if (unknown.length === 0) return;
  const present = await secretNames(cli, signal);
  const taken = unknown.filter((name) => present.has(name));
  if (taken.length === 0) return;
  throw new TarmacError(
    'SECRET_NAME_TAKEN',
    `podman secret ${taken.join(', ')} exists but was not made by tarmac for env ${env}; playing the Secret would overwrite it`,
    {
      exitCode: ExitCode.environment,
      hint: `tarmac never changes what it did not create: remove or rename that podman secret yourself (podman secret rm ${taken.join(' ')}), or rename the Secret.`,
    },
  );
}

/** Removes the recorded secrets that exist; reports each one removed. */
export async function removeSecrets(
  cli: PodmanCli,
  env: string,
  recorded: readonly string[],
  report: DownReport,
  signal?: AbortSignal,
): Promise<void> {
  if (recorded.length === 0) return;
  const present = await secretNames(cli, signal);
  const ours = recorded.filter((name) => present.has(name));
  if (ours.length === 0) return;
  await cli.must(['secret', 'rm', ...ours], `Could not remove the podman secrets of env ${env}`, { signal });
  report.removed.push(...ours.map((name) => `secret ${name}`));
}

// The names of every podman secret.
async function secretNames(cli: PodmanCli, signal?: AbortSignal): Promise<Set<string>> {
  // Why a template and not `--format json`: podman 4.3.1's `secret ls` prints the word "json" for it.
  const listed = await cli.must(['secret', 'ls', '--format', '{{.Name}}'], 'Could not list podman secrets', { signal });
  return new Set(listed.stdout.split('\n').map((line) => line.trim()));
}
