// vitest globalSetup: before any test file runs, make podman usable for every test process.
// Test workers are forked after this runs and inherit process.env, so setting CONTAINERS_CONF
// here reaches every e2e test and every podman/tarmac process they start.
import { ensurePodmanConf, hasPodman, prepareExample } from './podman-env.js';

/** Sets CONTAINERS_CONF when this machine needs it, and prepares the example's base rootfs once. */
export default async function setup(): Promise<void> {
  // Machines without podman still run the unit tests; the e2e tests say what is missing.
  if (!(await hasPodman())) return;
  Object.assign(process.env, await ensurePodmanConf());
  // Preparing once here keeps parallel test files from copying the same binary at once. A failure
  // is left for the tests that need the example to report (with the install hint), so unit tests
  // still run on a machine without busybox-static.
  await prepareExample().catch(() => undefined);
}
