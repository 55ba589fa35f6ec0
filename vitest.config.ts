import { defineConfig } from 'vitest/config';

// Real-podman tests live in test/e2e and take seconds each; unit tests sit beside their source.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one fork per core minus one: a single fork on a 2-core CI machine. The e2e
    // files spend most of their time waiting on podman and child processes, so three at once use both cores.
    poolOptions: { forks: { maxForks: 3, minForks: 1 } },
    // Sets CONTAINERS_CONF when this machine's podman needs it, and prepares the example's base rootfs once.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
