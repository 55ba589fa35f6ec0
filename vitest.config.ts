import { defineConfig } from 'vitest/config';

// Real-podman tests live in test/e2e and take seconds each; unit tests sit beside their source.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Sets CONTAINERS_CONF when this machine's podman needs it, and prepares the example's base rootfs once.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
