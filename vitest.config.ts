import { defineConfig } from 'vitest/config';

// Real-podman tests live in test/e2e and take seconds each; unit tests sit beside their source.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
