// The podman secrets `kube play` made of the env's Secrets. podman 4.3.1 keeps one per Secret, under the Secret's own
// (global) name and without labels (`secret inspect` shows `Spec.Labels: {}`), so they are known only by the names the
// state file recorded before each play: down removes those that still exist, and no other secret.
import type { DownReport } from '../types.js';
import type { PodmanCli } from './podman-cli.js';

/** Removes the recorded secrets that exist; reports each one removed. */
export async function removeSecrets(
  cli: PodmanCli,
  env: string,
  recorded: readonly string[],
  report: DownReport,
  signal?: AbortSignal,
): Promise<void> {
  if (recorded.length === 0) return;
  // Why a template and not `--format json`: podman 4.3.1's `secret ls` prints the word "json" for it.
  const listed = await cli.must(['secret', 'ls', '--format', '{{.Name}}'], 'Could not list podman secrets', { signal });
  const present = new Set(listed.stdout.split('\n').map((line) => line.trim()));
  const ours = recorded.filter((name) => present.has(name));
  if (ours.length === 0) return;
  await cli.must(['secret', 'rm', ...ours], `Could not remove the podman secrets of env ${env}`, { signal });
  report.removed.push(...ours.map((name) => `secret ${name}`));
}
