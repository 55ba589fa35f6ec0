// Issue 6 item 4, end to end: durations learned from history become the next run's estimates and reorder it.
// Real podman builds at capacity 1; the history is the real SQLite file the first run wrote.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TarmacEvent } from '../../src/events/types.js';
import { DEFAULT_ESTIMATE_MS } from '../../src/plan/estimates.js';
import { copyProject, parseJsonOutput, repoRoot, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { readJournal, startOrder } from '../support/journal-checks.js';
import { removeEnvImages } from '../support/podman-query.js';

const envs: string[] = [];
afterAll(async () => {
  for (const env of envs) await removeEnvImages(env);
});

async function build(dir: string): Promise<TarmacEvent[]> {
  const result = await runTarmac(['build', '-f', join(dir, 'tarmac.yaml'), '--json']);
  expect(result.exitCode, result.all).toBe(0);
  return readJournal(parseJsonOutput(result.stdout).journal);
}

const estimates = (events: TarmacEvent[]) => {
  const started = events.find((e) => e.type === 'run.started');
  return Object.fromEntries((started?.type === 'run.started' ? started.steps : []).map((s) => [s.id, s.estimateMs]));
};
const durations = (events: TarmacEvent[]) =>
  Object.fromEntries(events.flatMap((e) => (e.type === 'step.finished' ? [[e.stepId, e.durationMs]] : [])));

describe('learned durations feed the plan', () => {
  it('starts the step history knows is longer first, with the recorded durations as estimates', async () => {
    // A fresh env (and history) per attempt: a retry must not find the first attempt's images cached.
    const env = uniqueEnvName('learned');
    envs.push(env);
    const dir = copyProject(join(repoRoot, 'test/fixtures/projects/learned'), env);
    for (const image of ['quick', 'slow']) {
      mkdirSync(join(dir, image, 'rootfs', 'bin'), { recursive: true });
      copyFileSync('/bin/busybox', join(dir, image, 'rootfs', 'bin', 'busybox'));
    }

    // No history: both builds get the same default estimate, so the declaration order decides.
    const first = await build(dir);
    expect(estimates(first)).toEqual({
      'build:quick': DEFAULT_ESTIMATE_MS.build,
      'build:slow': DEFAULT_ESTIMATE_MS.build,
    });
    expect(startOrder(first)).toEqual(['build:quick', 'build:slow']);
    const measured = durations(first);
    expect(measured['build:slow']!).toBeGreaterThan(measured['build:quick']!);

    // New content in both contexts, so both are built again (cached steps are estimated at 0 and never run).
    for (const image of ['quick', 'slow']) writeFileSync(join(dir, image, '.tarmac-test-nonce'), `${env}-second`);
    const second = await build(dir);
    // One earlier run: the learned estimate is exactly its recorded duration.
    expect(estimates(second)).toEqual(measured);
    expect(startOrder(second)).toEqual(['build:slow', 'build:quick']);
  });
});
