// Read-only podman queries used by e2e assertions, plus label-scoped cleanup of what a test created.
import { execa } from 'execa';

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

/** Removes the images of one test env (only those labelled with it). */
export async function removeEnvImages(env: string): Promise<void> {
  const ids = await imagesOfEnv(env);
  if (ids.length > 0) await execa('podman', ['rmi', '-f', ...ids], { reject: false });
}

/** Processes whose command line contains `needle` (from /proc), excluding this process. */
export async function processesMatching(needle: string): Promise<string[]> {
  const r = await execa('ps', ['-eo', 'pid=,args='], { reject: false });
  return r.stdout.split('\n').filter((l) => l.includes(needle) && !l.includes('ps -eo'));
}
