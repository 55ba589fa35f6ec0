// vitest globalSetup of the e2e projects: before any e2e file runs, make podman usable for every test
// process and build the shared example images. Test workers are forked after this runs and inherit
// process.env, so setting CONTAINERS_CONF here reaches every e2e test and every podman/tarmac process.
import { ensurePodmanConf, hasPodman, prepareExample } from './podman-env.js';
import { buildSharedImages } from './shared-images.js';

/** Sets CONTAINERS_CONF when this machine needs it, prepares the example's base rootfs and the shared images. */
export default async function setup(): Promise<void> {
  // Without podman the e2e files say what is missing (or skip off CI); nothing to prepare.
  if (!(await hasPodman())) return;
  Object.assign(process.env, await ensurePodmanConf());
  // Once here: parallel test files would otherwise copy the same binary and build the same images at once.
  await prepareExample();
  await buildSharedImages();
}
