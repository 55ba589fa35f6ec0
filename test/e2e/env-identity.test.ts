// Two checkouts of a project with the same env name, on real podman: their resources carry the project (the
// config file's real path) beside the env name, so neither `up` nor `down` of one touches the other's env.
// A up (no suite); B's up stops with exit 3 naming A's config; B's down leaves A's pods; A's down removes them.
// The unit tests of the ownership decision: src/engines/labels.test.ts, src/targets/podman/*.test.ts.
import { execa } from 'execa';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySharedExample, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envName = uniqueEnvName('ident');
const checkout = (): string =>
  copySharedExample(envName, (config) => {
    (config.cluster as Record<string, unknown>).target = 'podman';
  });
const a = join(checkout(), 'tarmac.yaml');
const b = join(checkout(), 'tarmac.yaml');
/** A `tarmac up` of the example without its suite: generous, so a loaded machine still finishes it. */
const UP_TIMEOUT_MS = 180_000;

const podsOfEnv = async (): Promise<string[]> =>
  (await execa('podman', ['pod', 'ps', '-q', '--no-trunc', '--filter', `label=io.tarmac.env=${envName}`])).stdout
    .split('\n')
    .filter(Boolean)
    .sort();

// Cleans up only after a failure: the test itself ends with both envs down.
let finished = false;
afterAll(async () => {
  if (finished) return;
  await runTarmac(['down', '-f', a]);
  await runTarmac(['down', '-f', b]);
});

describe('two checkouts with the same env name (real podman)', () => {
  it(
    "neither up nor down of one touches the other's env",
    async () => {
      const upA = await runTarmac(['up', '--no-test', '-f', a]);
      expect(upA.exitCode, upA.all).toBe(0);
      const podsA = await podsOfEnv();
      expect(podsA).toHaveLength(3);
      const labels = (
        await execa('podman', ['pod', 'ps', '--filter', `label=io.tarmac.env=${envName}`, '--format', 'json'])
      ).stdout;
      expect(labels).toMatch(/"io\.tarmac\.project": "[0-9a-f]{12}"/);

      const upB = await runTarmac(['up', '--no-test', '-f', b]);
      expect(upB.exitCode, upB.all).toBe(3);
      expect(upB.all).toContain('ENV_OTHER_CHECKOUT');
      expect(upB.all).toContain(`env ${envName} is up from the checkout of ${realpathSync(a)}`);
      expect(await podsOfEnv()).toEqual(podsA);

      const downB = await runTarmac(['down', '-f', b]);
      expect(downB.exitCode, downB.all).toBe(0);
      expect(downB.all).toContain(`env ${envName} of another checkout: ${realpathSync(a)}`);
      expect(await podsOfEnv()).toEqual(podsA);

      const downA = await runTarmac(['down', '-f', a]);
      expect(downA.exitCode, downA.all).toBe(0);
      expect(await podsOfEnv()).toEqual([]);
      finished = true;
    },
    UP_TIMEOUT_MS * 2,
  );
});
