// vitest globalSetup of the e2e projects: before any e2e file runs, make podman usable for every test
// process and build what the files share. Test workers are forked after this runs and inherit process.env, so
// setting CONTAINERS_CONF here reaches every e2e test and every podman/tarmac process. `npm test` also runs it
// once on its own before the e2e projects start side by side (scripts/test.mjs), so they only find it done.
import { pathToFileURL } from 'node:url';
import { ensurePodmanConf, hasPodman, prepareExample } from './podman-env.js';
import { buildSharedImages } from './shared-images.js';

/** Sets CONTAINERS_CONF when this machine needs it; prepares the example, the shared images and the kind node image. */
export default async function setup(): Promise<void> {
  // Without podman the e2e files say what is missing (or skip off CI); nothing to prepare.
  if (!(await hasPodman())) return;
  Object.assign(process.env, await ensurePodmanConf());
  // Once here: parallel test files would otherwise copy the same binary and build the same images at once.
  await prepareExample();
  await buildSharedImages();
  // Built here, not by the first `kind create` of a test file: no e2e file then builds anything it does not
  // watch, which the serial files' "nothing of a build is left" checks rely on when they run beside the others.
  // @ts-expect-error the stand-ins are plain ESM without type declarations
  const { ensureStandinImage } = (await import('../fixtures/standins/lib/kind/node-image.mjs')) as {
    ensureStandinImage: (engine: string) => Promise<string>;
  };
  await ensureStandinImage('podman');
}

// `npx tsx test/support/global-setup.ts`: the same, once, as its own step.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await setup();
