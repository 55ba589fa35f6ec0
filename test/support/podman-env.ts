// Podman environment helpers for e2e tests: the containers.conf this machine needs, the example's
// prepared rootfs, unique names, and cleanup of exactly what one test labelled.
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { LABEL_ENV, LABEL_MANAGED } from '../../src/engines/labels.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The bundled example project (the seed's three services). */
export const exampleDir = join(root, 'examples', 'aianalysis');

/** True when a podman CLI is on PATH (it may still need CONTAINERS_CONF to run containers). */
export async function hasPodman(): Promise<boolean> {
  const r = await execa('podman', ['--version'], { reject: false });
  return r.exitCode === 0;
}

/**
 * The env vars podman needs on this machine: `{ CONTAINERS_CONF }` when the default configuration
 * cannot run containers here, `{}` when it can. Honours a CONTAINERS_CONF already set.
 */
export async function ensurePodmanConf(): Promise<Record<string, string>> {
  const preset = process.env.CONTAINERS_CONF;
  if (preset) return { CONTAINERS_CONF: preset };
  const r = await execa('node', [join(root, 'scripts', 'podman-conf.mjs')], { reject: false });
  if (r.exitCode !== 0) throw new Error(`scripts/podman-conf.mjs exited ${r.exitCode}: ${r.stderr}`);
  const line = r.stdout.split('\n').find((l) => l.startsWith('CONTAINERS_CONF='));
  return line ? { CONTAINERS_CONF: line.slice('CONTAINERS_CONF='.length) } : {};
}

/** Puts the host's static busybox into the example's base rootfs (idempotent). */
export async function prepareExample(): Promise<void> {
  const r = await execa('node', [join(exampleDir, 'prepare.mjs')], { reject: false, all: true });
  if (r.exitCode !== 0) throw new Error(`examples/aianalysis/prepare.mjs failed: ${r.all}`);
}

/** A lowercase name unique to this test run, usable for labels, containers, networks and tags. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** The labels a test puts on everything it creates, as podman `--label` arguments. */
export function labelArgs(envLabel: string): string[] {
  return ['--label', `${LABEL_MANAGED}=true`, '--label', `${LABEL_ENV}=${envLabel}`];
}

/** What cleanupByLabel removed, by kind. */
export interface Removed {
  pods: string[];
  containers: string[];
  networks: string[];
  volumes: string[];
  images: string[];
}

// Ids of one kind of podman object labelled io.tarmac.env=<envLabel>.
async function labelled(listArgs: string[], envLabel: string): Promise<string[]> {
  const r = await execa('podman', [...listArgs, '--filter', `label=${LABEL_ENV}=${envLabel}`], { reject: false });
  if (r.exitCode !== 0) throw new Error(`podman ${listArgs.join(' ')} failed: ${r.stderr}`);
  return [
    ...new Set(
      r.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

// podman lists images and then reads each one; an image another test removes in between makes the whole
// list fail with "image not known" (a race, not a problem of ours), so the list is taken again.
async function labelledRetrying(listArgs: string[], envLabel: string): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await labelled(listArgs, envLabel);
    } catch (err) {
      if (attempt >= 5 || !String(err).includes('image not known')) throw err;
    }
  }
}

// Removes the given ids with `podman ...removeArgs ids`; no-op for none.
async function remove(removeArgs: string[], ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const r = await execa('podman', [...removeArgs, ...ids], { reject: false });
  if (r.exitCode !== 0) throw new Error(`podman ${removeArgs.join(' ')} ${ids.join(' ')} failed: ${r.stderr}`);
}

/**
 * Removes the pods, containers, networks, volumes and images labelled io.tarmac.env=<envLabel>,
 * and nothing else. Pods go first (they own containers), images last (containers use them).
 */
export async function cleanupByLabel(envLabel: string): Promise<Removed> {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(envLabel))
    throw new Error(`refusing to clean up an unusual label value: ${JSON.stringify(envLabel)}`);
  const pods = await labelled(['pod', 'ps', '-q', '--no-trunc'], envLabel);
  await remove(['pod', 'rm', '-f', '--ignore', '-t', '0'], pods);
  const containers = await labelled(['ps', '-a', '-q', '--no-trunc'], envLabel);
  await remove(['rm', '-f', '--ignore', '-t', '0'], containers);
  const networks = await labelled(['network', 'ls', '-q'], envLabel);
  await remove(['network', 'rm', '-f'], networks);
  const volumes = await labelled(['volume', 'ls', '-q'], envLabel);
  await remove(['volume', 'rm', '-f'], volumes);
  const images = await labelledRetrying(['images', '-q', '--no-trunc'], envLabel);
  // --ignore: removing a child image can take an untagged parent with it before its turn.
  await remove(['rmi', '-f', '--ignore'], images);
  return { pods, containers, networks, volumes, images };
}
