// The `disk:` section of tarmac.yaml: the free-space guard before builds, and the prune policy.
import { z } from 'zod';
import { ageMs } from './age.js';
import { sizeBytes } from './size.js';

/** Default minimum free space at the engine's storage and at temp: 2 GiB. */
export const DEFAULT_MIN_FREE_BYTES = 2 * 1024 ** 3;

/** Default number of runs whose directories are kept: enough for `report`, `triage` and `bundle` of recent runs. */
export const DEFAULT_KEEP_RUNS = 50;

export const diskSchema = z
  .strictObject({
    minFree: sizeBytes
      .default(DEFAULT_MIN_FREE_BYTES)
      .describe(
        'Least free space wanted at the engine\'s image storage and at the temp dir before building, e.g. "2GiB" or "500MiB" (default 2GiB). The expected need is the larger of this and the size of the env\'s images.',
      ),
    prune: z
      .strictObject({
        danglingOlderThan: ageMs
          .optional()
          .describe(
            'Before building, remove dangling images built by tarmac (label io.tarmac.managed=true) older than this, e.g. "7d". No other image is ever removed.',
          ),
        keepRuns: z
          .number()
          .int('Expected a whole number of runs')
          .min(1, 'Expected at least 1 run kept (the newest)')
          .max(100_000, 'Expected at most 100000 runs kept')
          .optional()
          .describe(
            `How many runs of the env keep their directory under .tarmac/runs (journal, logs, JUnit, triage, report); default ${DEFAULT_KEEP_RUNS}. At the start of a run, finished runs beyond the newest this many are removed; their history (durations, outcomes, stats) stays.`,
          ),
      })
      .optional()
      .describe('What tarmac may remove on its own to free disk.'),
  })
  .default({ minFree: DEFAULT_MIN_FREE_BYTES })
  .describe('Disk guard: free-space preflight and prune policy.');
