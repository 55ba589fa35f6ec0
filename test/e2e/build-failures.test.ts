// Acceptance for failing and interrupted builds, against real podman.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyProject,
  parseJsonOutput,
  repoRoot,
  runTarmac,
  startTarmac,
  uniqueEnvName,
} from '../support/tarmac-cli.js';
import { allContainers, newBuildContainersGone, processesMatching, removeEnvImages } from '../support/podman-query.js';
import { readJournal } from '../support/journal-checks.js';
import { waitFor } from '../support/wait-for.js';

const envs: string[] = [];
afterAll(async () => {
  for (const env of envs) await removeEnvImages(env);
});

describe('a failing Containerfile', () => {
  it('names the image, the failing step and the last output lines; independent builds complete', async () => {
    const env = uniqueEnvName('failing');
    envs.push(env);
    const dir = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), env);
    const result = await runTarmac(['build', '-f', join(dir, 'tarmac.yaml')]);
    expect(result.exitCode).toBe(4);
    expect(result.stdout).toMatch(
      /image broken failed to build at STEP 3\/\d+: RUN \["\/bin\/does-not-exist", "--flag"\]/,
    );
    expect(result.stdout).toMatch(/\| .*does-not-exist/); // the tail of the build output is shown
    expect(result.stdout).toMatch(/✓ build:good built/);
    expect(result.stdout).toMatch(/- build:after-broken skipped · dependency build:broken failed/);
    expect(result.stdout).toMatch(/1 built, 0 cached, 1 failed, 1 skipped/);
  });

  it('reports the same in --json', async () => {
    const env = uniqueEnvName('failing');
    envs.push(env);
    const dir = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), env);
    const result = await runTarmac(['build', '-f', join(dir, 'tarmac.yaml'), '--json']);
    expect(result.exitCode).toBe(4);
    const json = parseJsonOutput(result.stdout);
    const byName = Object.fromEntries(json.images.map((i) => [i.name, i]));
    expect(byName.good?.state).toBe('succeeded');
    expect(byName.broken?.state).toBe('failed');
    expect(byName.broken?.error?.code).toBe('BUILD_FAILED');
    expect(byName['after-broken']?.state).toBe('skipped');
  });
});

describe('SIGINT during a real build', () => {
  it('exits 130 and leaves no build process and no container behind', async () => {
    const env = uniqueEnvName('hang');
    envs.push(env);
    const dir = copyProject(join(repoRoot, 'test/fixtures/projects/hang'), env);
    mkdirSync(join(dir, 'hang', 'rootfs', 'bin'), { recursive: true });
    copyFileSync('/bin/busybox', join(dir, 'hang', 'rootfs', 'bin', 'busybox'));
    const before = new Set(await allContainers());
    const child = startTarmac(['build', '-f', join(dir, 'tarmac.yaml')]);
    // Wait until the RUN step is really running (its output reached the step log), then interrupt.
    const runs = join(dir, '.tarmac', 'runs');
    await waitFor('the RUN step to print', () => {
      if (!existsSync(runs)) return undefined;
      const log = join(runs, readdirOne(runs), 'steps', 'build_hang.log');
      // The exact line, not the STEP line that quotes the command.
      return existsSync(log) && readFileSync(log, 'utf8').split('\n').includes('sleeping-now') ? true : undefined;
    });
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    const events = readJournal(join(runs, readdirOne(runs)));
    expect(events.find((e) => e.type === 'step.finished' && e.stepId === 'build:hang')).toMatchObject({
      state: 'cancelled',
    });
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'cancelled' });
    await waitFor(
      'build processes to be gone',
      async () => ((await processesMatching(`localhost/hang:tm-`)).length === 0 ? true : undefined),
      60_000,
    );
    await newBuildContainersGone(before);
  });
});

/** The one run directory under `.tarmac/runs`. */
function readdirOne(dir: string): string {
  const entries = readdirSync(dir);
  if (entries.length !== 1) throw new Error(`expected one run in ${dir}, found ${entries.length}`);
  return entries[0] ?? '';
}
