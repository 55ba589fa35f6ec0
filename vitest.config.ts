import { defineConfig } from 'vitest/config';

// Real-podman tests live in test/e2e and take seconds each; unit tests sit beside their source.
// These e2e files kill engines or tarmac processes, assert that nothing of a build is left on the host, or
// measure time bounds: other files' builds running beside them would change what they measure, so they run
// one at a time in a second pass (`TARMAC_TEST_PASS=serial`, see package.json "test").
const SERIAL = [
  'test/e2e/resilience-*.test.ts',
  'test/e2e/history-runs.test.ts',
  'test/e2e/build-failures.test.ts',
  'test/e2e/engine-podman.test.ts',
  'test/e2e/engine-remote.test.ts',
  'test/e2e/triage-scenarios-engine.test.ts',
  'test/e2e/triage-scenarios-real-engine.test.ts',
  'test/e2e/triage-scenarios-seed.test.ts',
];
const serial = process.env.TARMAC_TEST_PASS === 'serial';

export default defineConfig({
  test: {
    include: serial ? SERIAL : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: serial ? [] : ['**/node_modules/**', ...SERIAL],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one fork per core minus one: a single fork on a 2-core CI machine. The other e2e
    // files spend most of their time waiting on podman and child processes, so two at once use both cores.
    poolOptions: { forks: { maxForks: serial ? 1 : 2, minForks: 1 } },
    // In the parallel pass two files share one podman store and two cores: a test that loses a race with the
    // other file (podman 4.3's store, a pod caught in a slow restart) runs once more; a real failure fails twice.
    retry: serial ? 0 : 1,
    // Sets CONTAINERS_CONF when this machine's podman needs it, and prepares the example's base rootfs once.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
