// Acceptance for startup reconciliation (issue 4): tarmac SIGKILLed mid-`up` together with its build (as a CI
// runner that kills the whole process tree does) leaves a readable journal and buildah working containers;
// the next `up` marks the dead run abandoned, removes what that run's logs account for, says so, and succeeds.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../support/journal-checks.js';
import { cleanupByLabel, prepareExample } from '../support/podman-env.js';
import { runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import {
  buildContainersOf,
  containerIds,
  copyExample,
  descendantsOf,
  editExample,
  waitUntilGone,
  waitForStepLine,
} from './resilience-interrupt-kit.js';

const envName = uniqueEnvName('recon');
let dir = '';
let archive = '';
const file = () => join(dir, 'tarmac.yaml');

beforeAll(async () => {
  await prepareExample();
  dir = copyExample(envName, { work: 200 });
});

afterAll(async () => {
  await runTarmac(['down', '-f', file()]);
  // `rmi -f` of the env's images also removes build containers still using them.
  await cleanupByLabel(envName);
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (archive) rmSync(archive, { force: true });
});

describe('SIGKILL mid-up, then a new up (real podman)', () => {
  it("reads the old journal, cleans the killed build's containers, says so, and succeeds", async () => {
    const child = startTarmac(['up', '-f', file(), '--plain', '--no-test']);
    const oldRun = await waitForStepLine(dir, child.pid!, 'build_holmesgpt-api.log', /^heavy-work: \d+\/200 rounds$/);
    const tracked = await descendantsOf(child.pid!);
    const groups = [...new Set(tracked.filter((p) => p.pid === p.pgid).map((p) => p.pgid))];
    expect(groups.length).toBeGreaterThan(0);
    // The whole tree at once, with no chance to clean up: tarmac and the `podman build` process group.
    child.kill('SIGKILL');
    for (const pgid of groups) process.kill(-pgid, 'SIGKILL');
    await child;
    await waitUntilGone('the killed processes to be gone', tracked, []);

    // What the crash left: a journal without run.finished, and working containers of the killed build.
    const leaked = await buildContainersOf(oldRun);
    expect(leaked.map((c) => c.name).join(', ')).toMatch(/working-container/);
    const lines = readFileSync(join(oldRun, 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
    const complete = lines.at(-1)?.endsWith('}') ? lines : lines.slice(0, -1);
    expect(() => JSON.parse(complete.at(-1) ?? '')).not.toThrow();
    const before = readJournal(oldRun);
    expect(before.find((e) => e.type === 'run.started')).toMatchObject({ command: 'up' });
    expect(before.some((e) => e.type === 'run.finished')).toBe(false);
    // A delivery archive the dead run could have left in the temp dir.
    const oldId = oldRun.split('/').at(-1) ?? '';
    archive = join(tmpdir(), `tarmac-${oldId}-kind-${envName}-e2e-0badc0de.tar`);
    writeFileSync(archive, 'partial archive');

    // A light heavy build for the new run: the leftovers are the old run's either way.
    editExample(dir, envName, { work: 2 });
    const next = await runTarmac(['up', '-f', file(), '--plain', '--no-test']);
    expect(next.exitCode, next.all).toBe(0);
    expect(next.stdout).toContain(`incident reconciled: run ${oldId} (tarmac up) did not finish`);
    expect(next.stdout).toMatch(/steps running when it stopped: .*build:holmesgpt-api/);
    for (const c of leaked) expect(next.stdout).toContain(`reconcile: removed buildah working container ${c.name} (`);
    expect(next.stdout).toContain(`reconcile: removed temp file ${archive}`);

    const ids = await containerIds();
    expect(leaked.filter((c) => ids.has(c.id))).toEqual([]);
    expect(existsSync(archive)).toBe(false);
    const after = readJournal(oldRun);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'failed', abandoned: true, runId: oldId });
    const status = await runTarmac(['status', '-f', file()]);
    expect(status.exitCode, status.all).toBe(0);
  }, 300_000); // two whole ups with a cold build: generous for a loaded machine (120 s ran out once in npm test)
});
