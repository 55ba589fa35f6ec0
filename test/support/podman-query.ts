// Read-only podman queries used by e2e assertions, plus label-scoped cleanup of what a test created.
import { execa } from 'execa';
import { waitFor } from './wait-for.js';

/** Image ids carrying io.tarmac.env=<env>. */
export async function imagesOfEnv(env: string): Promise<string[]> {
  const r = await execa('podman', ['images', '-q', '--filter', `label=io.tarmac.env=${env}`], { reject: false });
  return r.stdout.split('\n').filter(Boolean);
}

/** Every container podman knows, including build containers (--external), as name/id strings. */
export async function allContainers(): Promise<string[]> {
  const r = await execa('podman', ['ps', '-a', '--external', '--format', '{{.ID}} {{.Names}} {{.Image}}'], {
    reject: false,
  });
  return r.stdout.split('\n').filter(Boolean);
}

/**
 * Waits until every build (buildah working) container that is not in `before` is gone. Test files beside the
 * caller build too, and their containers go when their builds end; one that a run left behind stays, and fails
 * this after `timeoutMs`. Other containers (pods of files beside) are not build leftovers and are not looked at.
 */
export async function newBuildContainersGone(before: ReadonlySet<string>, timeoutMs = 120_000): Promise<void> {
  const appeared = (await allContainers()).filter((c) => !before.has(c) && /working-container/.test(c));
  const stillThere = async () => (await allContainers()).filter((c) => appeared.includes(c));
  await waitFor(
    'the build containers that appeared during the run to be gone',
    async () => ((await stillThere()).length === 0 ? true : undefined),
    timeoutMs,
    stillThere,
  );
}

/** Removes the images of one test env (only those labelled with it). */
export async function removeEnvImages(env: string): Promise<void> {
  const ids = await imagesOfEnv(env);
  if (ids.length > 0) await execa('podman', ['rmi', '-f', ...ids], { reject: false });
}

/** Removes the default store's images whose reference starts with `prefix` (a test's own registry path). */
export async function removeImagesNamed(prefix: string): Promise<void> {
  const r = await execa('podman', ['images', '--format', '{{.Repository}}:{{.Tag}}'], { reject: false });
  const refs = r.stdout.split('\n').filter((ref) => ref.startsWith(prefix));
  if (refs.length > 0) await execa('podman', ['rmi', '-f', ...refs], { reject: false });
}

/** Processes whose command line contains `needle` (from /proc), excluding this process. */
export async function processesMatching(needle: string): Promise<string[]> {
  const r = await execa('ps', ['-eo', 'pid=,args='], { reject: false });
  return r.stdout.split('\n').filter((l) => l.includes(needle) && !l.includes('ps -eo'));
}
