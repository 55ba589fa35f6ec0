// Acceptance for interrupts (issue 4): SIGINT mid-`up` exits 130, finishes the journal and leaves no process
// behind (checked from the process table); the env is kept by default and removed with --no-keep. Real podman.
import { execa } from 'execa';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal, finalStates } from '../support/journal-checks.js';
import { cleanupByLabel, prepareExample } from '../support/podman-env.js';
import { runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import {
  buildContainersOf,
  copyExample,
  descendantsOf,
  editExample,
  waitFor,
  waitUntilGone,
  waitForStepLine,
} from './resilience-interrupt-kit.js';

const envName = uniqueEnvName('intr');
// A suite that never ends: its argv carries a marker to find it in the process table.
const suiteMarker = `${envName}-suite`;
const sleeper = ['node', '-e', "console.log('suite-waiting'); setInterval(() => {}, 1000)", suiteMarker];
let dir = '';
const file = () => join(dir, 'tarmac.yaml');

async function envPods(): Promise<string[]> {
  const r = await execa('podman', ['pod', 'ps', '-q', '--filter', `label=io.tarmac.env=${envName}`], { reject: false });
  return r.stdout.split('\n').filter(Boolean);
}

beforeAll(async () => {
  await prepareExample();
  // WORK 200: the heavy RUN step takes ~15 s, so the run is surely mid-build when interrupted.
  dir = copyExample(envName, { work: 200, test: sleeper });
});

afterAll(async () => {
  await runTarmac(['down', '-f', file()]);
  await cleanupByLabel(envName);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SIGINT during tarmac up (real podman)', () => {
  it('mid-build: exits 130, finishes the journal, and leaves no process and no build container', async () => {
    const child = startTarmac(['up', '-f', file(), '--plain']);
    const run = await waitForStepLine(dir, child.pid!, 'build_holmesgpt-api.log', /^heavy-work: \d+\/200 rounds$/);
    const tracked = await descendantsOf(child.pid!);
    expect(tracked.map((p) => p.args).join('\n')).toMatch(/podman build .*holmesgpt-api/);
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode, result.all).toBe(130);
    expect(result.all).toMatch(/SIGINT: cancelling/);
    const events = readJournal(run);
    expect(finalStates(events)['build:holmesgpt-api']).toBe('cancelled');
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'cancelled' });
    // The data group may be up already: its deploy overlaps the heavy build. An interrupt keeps the env, so its pods'
    // container monitors (conmon, naming the env) stay; any other process naming the env or the project is a leak.
    const kept = (
      await execa('podman', ['ps', '-a', '-q', '--no-trunc', '--filter', `label=io.tarmac.env=${envName}`])
    ).stdout
      .split('\n')
      .filter(Boolean);
    const keptMonitor = (args: string) => /(^|\/)conmon /.test(args) && kept.some((id) => args.includes(id));
    await waitUntilGone('every process of the run to be gone', tracked, [dir, envName], keptMonitor);
    let leaked: unknown[] = [];
    await waitFor(
      'no build container of the run',
      async () => ((leaked = await buildContainersOf(run)).length === 0 ? true : undefined),
      20_000,
      () => leaked,
    );
  });

  it('during the tests: keeps the env by default, and the suite process is gone', async () => {
    editExample(dir, envName, { work: 2, test: sleeper });
    const child = startTarmac(['up', '-f', file(), '--plain']);
    const run = await waitForStepLine(dir, child.pid!, 'test.log', /^suite-waiting$/, 120_000);
    const tracked = await descendantsOf(child.pid!);
    expect(tracked.map((p) => p.args).join('\n')).toContain(suiteMarker);
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode, result.all).toBe(130);
    expect(readJournal(run).at(-1)).toMatchObject({ type: 'run.finished', outcome: 'cancelled' });
    // Not the env name: the kept pods' own processes (conmon) carry it, and they are meant to stay.
    await waitUntilGone('the suite and every other process of the run to be gone', tracked, [dir, suiteMarker]);
    expect(await envPods()).not.toEqual([]);
    const status = await runTarmac(['status', '-f', file()]);
    expect(status.exitCode, status.all).toBe(0);
  });

  it('a second SIGINT forces the exit: still 130, the journal finished, the stubborn suite killed', async () => {
    // This suite ignores SIGTERM, so the first SIGINT alone would wait out the kill grace period.
    const stubborn = [
      'node',
      '-e',
      "process.on('SIGTERM', () => {}); console.log('suite-waiting'); setInterval(() => {}, 1000)",
      suiteMarker,
    ];
    editExample(dir, envName, { work: 2, test: stubborn });
    const child = startTarmac(['up', '-f', file(), '--plain']);
    const run = await waitForStepLine(dir, child.pid!, 'test.log', /^suite-waiting$/, 120_000);
    const tracked = await descendantsOf(child.pid!);
    expect(tracked.map((p) => p.args).join('\n')).toContain(suiteMarker);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.kill('SIGINT');
    await waitFor(
      'tarmac to announce the cancel',
      () => (stderr.includes('SIGINT: cancelling') ? true : undefined),
      10_000,
      () => stderr,
    );
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode, result.all).toBe(130);
    expect(readJournal(run).at(-1)).toMatchObject({ type: 'run.finished', outcome: 'cancelled' });
    await waitUntilGone('the suite and every other process of the run to be gone', tracked, [dir, suiteMarker]);
    editExample(dir, envName, { work: 2, test: sleeper });
  });

  it('with --no-keep: removes the env on interrupt, and nothing of it keeps running', async () => {
    const child = startTarmac(['up', '-f', file(), '--plain', '--no-keep']);
    const run = await waitForStepLine(dir, child.pid!, 'test.log', /^suite-waiting$/, 120_000);
    const tracked = await descendantsOf(child.pid!);
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode, result.all).toBe(130);
    expect(result.stdout).toMatch(/interrupted with --no-keep: removing the env/);
    expect(result.stdout).toMatch(/removed pod tarmac-/);
    const events = readJournal(run);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'cancelled' });
    expect(await envPods()).toEqual([]);
    await waitUntilGone('every process of the run and the env to be gone', tracked, [dir, envName]);
    const status = await runTarmac(['status', '-f', file()]);
    expect(status.exitCode, status.all).toBe(3);
  });
});
