// Where the kind target keeps its files: the private kubeconfig and temp image archives (kind's exported logs go to
// the run dir, journal/run-dir.ts).
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InternalError } from '../../errors/errors.js';

/** `<stateDir>/kube/<cluster>.kubeconfig`: tarmac's private kubeconfig for one cluster. */
export function kubeconfigPath(stateDir: string, cluster: string): string {
  return join(stateDir, 'kube', `${pathSafe(cluster)}.kubeconfig`);
}

/** `<stateDir>/kube/<cluster>.forwards.json`: the local port of each forwarded Service port, kept for the env's life. */
export function forwardsPath(stateDir: string, cluster: string): string {
  return join(stateDir, 'kube', `${pathSafe(cluster)}.forwards.json`);
}

// Config loading already holds cluster.name to a DNS label; this guard makes sure no other route (a test kit, a
// future caller) can put `../..` into a path tarmac writes, chmods or deletes.
function pathSafe(cluster: string): string {
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(cluster))
    throw new InternalError(`kind cluster name ${JSON.stringify(cluster)} is not safe in a file name`);
  return cluster;
}

/** A unique temp archive for one delivery: `<tmpdir>/tarmac-<runId>-kind-<cluster>-<8 hex>.tar`. */
export function archivePath(runId: string, cluster: string, dir: string = tmpdir()): string {
  return join(dir, `tarmac-${runId}-kind-${pathSafe(cluster)}-${randomBytes(4).toString('hex')}.tar`);
}

/** Whether a file name is a delivery archive of this cluster (any run), so `down` can sweep crash leftovers. */
export function isArchiveOf(fileName: string, cluster: string): boolean {
  const escaped = cluster.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^tarmac-.+-kind-${escaped}-[0-9a-f]{8}\\.tar$`).test(fileName);
}

/** Creates the directory of a private file with mode 0700 (and tightens it when it already exists). */
export async function ensurePrivateDir(file: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

/** Writes a file readable only by its owner (0600), atomically: a reader never sees half of it. */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await ensurePrivateDir(file);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, content, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
}
