import { defineConfig } from 'vitest/config';
import { DurationSequencer } from './test/support/duration-sequencer.js';

// Two levels, three projects (`vitest run --project NAME`):
// - unit: pure code and real local processes/SQLite beside their source, plus test/*.test.ts. No podman, no
//   retry: a unit test that fails once is a bug.
// - e2e: real podman (test/e2e), two files at a time.
// - e2e-serial: the e2e files below kill engines or tarmac processes, or wait on real bounds: one at a time,
//   at normal priority. `npm test` runs them beside the lint/unit checks and the e2e project, which it runs at the
//   lowest CPU priority (scripts/test.mjs). What they check is their own: their labels, image names, processes and
//   podman services, and "nothing of a build is left" means the build containers that appeared during their run
//   are gone (newBuildContainersGone in test/support/podman-query.ts), since files beside them build too.
const SERIAL = [
  'test/e2e/resilience-crash.test.ts',
  'test/e2e/resilience-interrupt.test.ts',
  'test/e2e/resilience-lease.test.ts',
  'test/e2e/resilience-reconcile.test.ts',
  'test/e2e/resilience-hang.test.ts',
  'test/e2e/history-runs.test.ts',
  'test/e2e/build-failures.test.ts',
  'test/e2e/engine-podman.test.ts',
  'test/e2e/engine-remote.test.ts',
  'test/e2e/triage-scenarios-seed.test.ts',
];

const e2e = {
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // One module graph per fork, as in the unit project (npm's e2e scripts pass --poolOptions.forks.isolate=false for
  // the reason given there): each file re-imported vitest, tsx-transformed src/ and the kits, about 0.6 s of CPU per
  // file. Safe because no e2e file or kit changes process.env, mocks modules or keeps state between files (the
  // one module-level cache, test/support/k8s-tools.ts, is meant to be shared).
  isolate: false,
  // Sets CONTAINERS_CONF when this machine's podman needs it, prepares the example's base rootfs and builds
  // the shared example images once (test/support/shared-images.ts).
  globalSetup: ['test/support/global-setup.ts'],
};

export default defineConfig({
  test: {
    pool: 'forks',
    // The default output, and after it every test that passed only on its retry with its first attempt's errors
    // (test/support/retry-reporter.ts).
    reporters: ['default', './test/support/retry-reporter.ts'],
    // vitest's default is one fork per core minus one: a single fork on a 2-core CI machine. The e2e files spend
    // most of their time waiting on podman and child processes, so two at once use both cores. (Three at once was
    // measured too: more CPU for the same work, 1,221 s against 1,103 s, and a slower run.)
    // minForks = maxForks: with forks kept between files (the unit run), tinypool ending an idle fork can reject
    // with "Terminating worker thread" after every test passed (seen once here; vitest-dev/vitest#8133, #8564).
    poolOptions: { forks: { maxForks: 2, minForks: 2 } },
    // Longest e2e file first, also on a fresh clone without vitest's results cache (test/support/duration-sequencer.ts).
    sequence: { sequencer: DurationSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/*.test.ts'],
          testTimeout: 60_000,
          retry: 0,
          // One module graph for all unit files (no per-file re-import). Safe because unit tests restore what they
          // change (fake timers, PATH) and mock no modules; `vi.mock` would leak between files here.
          // Why `npm run unit` also passes --poolOptions.forks.isolate=false: vitest 3 builds its one process pool
          // from the root options, so this line alone still starts a fresh fork per file (219 forks, about 170 s of
          // CPU, counted with process accounting); with the flag two forks run every file (about 55 s).
          isolate: false,
          // GitHub's workflow parser imports its schema JSON without an import attribute, which Node refuses;
          // inlined, vite loads it (test/support/workflow-schema.ts).
          server: { deps: { inline: ['@actions/workflow-parser'] } },
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...SERIAL],
          ...e2e,
          // Only here: two files share one podman store and two cores, and podman 4.3's store occasionally
          // fails an operation that races with the other file's (e.g. "image not known" while listing, a pod
          // caught mid-restart). Such a test runs once more; a real failure fails twice. The serial files and
          // unit tests never retry.
          retry: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e-serial',
          include: SERIAL,
          ...e2e,
          retry: 0,
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
