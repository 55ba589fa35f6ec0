// Acceptance: a build that hangs silently (a RUN that sleeps for an hour) is announced by heartbeats and stall
// probes, then stopped by its timeout with a message naming the step, how long it ran and what the engine said.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJournal } from '../support/journal-checks.js';
import { allContainers, newBuildContainersGone, processesMatching, removeEnvImages } from '../support/podman-query.js';
import { copyProject, repoRoot, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envs: string[] = [];
afterAll(async () => {
  for (const env of envs) await removeEnvImages(env);
});

describe('a build that hangs silently', () => {
  it('is announced by heartbeats and stall probes and stopped by its timeout with the probe result (exit 4, nothing left)', async () => {
    const env = uniqueEnvName('hang');
    envs.push(env);
    const dir = copyProject(join(repoRoot, 'test/fixtures/projects/hang'), env, (config) => {
      // The timeout leaves room for the stall probe: under load the step's COPY and the RUN's first line took 5 s
      // of an 8 s timeout once, and the timeout then fired before 3 s of silence could (npm test, red).
      config.timeouts = { build: '16s', heartbeat: '2s', stall: '3s' };
    });
    mkdirSync(join(dir, 'hang', 'rootfs', 'bin'), { recursive: true });
    copyFileSync('/bin/busybox', join(dir, 'hang', 'rootfs', 'bin', 'busybox'));
    const before = new Set(await allContainers());
    const started = Date.now();
    const result = await runTarmac(['build', '--plain', '-f', join(dir, 'tarmac.yaml')]);
    const tookMs = Date.now() - started;
    expect(result.exitCode).toBe(4);
    // Heartbeats name the step while it is silent; the stall probe says the engine is fine and the wait goes on.
    expect(result.stdout.match(/… still running: build:hang \d/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(result.stdout).toMatch(/engine probe \(build:hang\): healthy · podman \S+ answered in \d+ms/);
    expect(result.stdout).toMatch(/build:hang: still waiting, engine healthy \(no output for [3-7]\.\ds\)/);
    // The timeout message: the step, how long it ran, how long it was silent and what the probe said.
    const message =
      /build:hang timed out after (\d+\.\d)s \(no output for (\d+\.\d)s\); engine probe: healthy, podman \S+ answered in \d+ms/;
    const [, ranSec, silentSec] = message.exec(result.stdout) ?? [];
    expect(Number(ranSec)).toBeGreaterThanOrEqual(16);
    // Not before the 16 s timeout; the upper bound only says it fired (a loaded machine may fire it late).
    expect(Number(ranSec)).toBeLessThan(40);
    expect(Number(silentSec)).toBeLessThanOrEqual(Number(ranSec));
    expect(result.stdout).toMatch(/\[STEP_TIMEOUT\]/);
    expect(result.stdout).toMatch(/hint: .*`timeouts\.build`/);
    expect(tookMs).toBeLessThan(90_000);

    const runs = join(dir, '.tarmac', 'runs');
    const events = readJournal(join(runs, readdirSync(runs)[0] ?? ''));
    expect(events.filter((e) => e.type === 'run.heartbeat').length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.type === 'probe' && e.stepId === 'build:hang' && e.ok).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(events.find((e) => e.type === 'step.finished' && e.stepId === 'build:hang')).toMatchObject({
      state: 'failed',
      error: { code: 'STEP_TIMEOUT' },
    });

    // Nothing left: no build process, no build container.
    expect(await processesMatching(`localhost/hang:tm-`)).toEqual([]);
    expect(await processesMatching('/bin/busybox sleep 3600')).toEqual([]);
    await newBuildContainersGone(before);
  });
});
