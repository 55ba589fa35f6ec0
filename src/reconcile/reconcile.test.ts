import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../engines/podman.js';
import { EventBus } from '../events/bus.js';
import { fakeRunner, type FakeAnswer, type FakeCall } from '../exec/fake-runner.test-kit.js';
import { readJournal } from '../journal/reader.js';
import type { ProcessProbe } from './liveness.js';
import { runDir } from '../journal/run-dir.js';
import { claimRun } from './owner.js';
import { reconcile } from './reconcile.js';
import { journalFinished } from './runs.js';
import { tempDirs } from '../files/temp-dir.test-kit.js';

const newReconcileTestDir = tempDirs('reconcile-test');
const newReconcileSettledDir = tempDirs('reconcile-settled');

const DEAD = '20261128-100000-aaaa';
const LIVE = '20261128-100001-bbbb';
const DONE = '20261128-090000-cccc';
const ALIVE_PIDS = new Set([100, 888]);

function probeFor(pid: number): ProcessProbe {
  return {
    pid,
    hostname: () => 'h1',
    bootId: () => 'boot',
    exists: (p) => p === pid || ALIVE_PIDS.has(p),
    startTicks: () => '1',
  };
}

const ENGINE = { type: 'podman', endpoint: '' };

function event(runId: string, e: Record<string, unknown>): string {
  return `${JSON.stringify({ v: 1, at: Date.now(), runId, ...e })}\n`;
}

/** A state dir with a crashed run (torn journal, build log), a live run, a finished run and a run of an older tarmac. */
function fixture() {
  const root = newReconcileTestDir();
  const stateDir = join(root, '.tarmac');
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  claimRun(stateDir, DEAD, 'up', probeFor(777));
  writeFileSync(
    join(runDir(stateDir, DEAD), 'events.jsonl'),
    event(DEAD, { type: 'run.started', command: 'up', capacity: 2, steps: [], target: 'podman', engine: ENGINE }) +
      event(DEAD, { type: 'step.started', stepId: 'build:api', claims: { engine: 2 }, attempt: 1 }) +
      '{"type":"step.fin',
  );
  mkdirSync(join(runDir(stateDir, DEAD), 'steps'));
  writeFileSync(
    join(runDir(stateDir, DEAD), 'steps', 'build_api.log'),
    'STEP 1/4: FROM localhost/base:tm-20bcb35eab79\n--> 876f9d5a696\nSTEP 4/4: RUN work\n',
  );
  claimRun(stateDir, LIVE, 'up', probeFor(888));
  writeFileSync(
    join(runDir(stateDir, LIVE), 'events.jsonl'),
    event(LIVE, { type: 'run.started', command: 'up', capacity: 2, steps: [], target: 'podman', engine: ENGINE }),
  );
  claimRun(stateDir, DONE, 'build', probeFor(999));
  writeFileSync(
    join(runDir(stateDir, DONE), 'events.jsonl'),
    event(DONE, { type: 'run.finished', outcome: 'succeeded', durationMs: 5 }),
  );
  mkdirSync(join(stateDir, 'runs', '20261128-080000-dddd'));
  writeFileSync(join(stateDir, 'runs', '20261128-080000-dddd', 'events.jsonl'), '');
  for (const run of [DEAD, LIVE, DONE]) writeFileSync(join(tmp, `tarmac-${run}-kind-e2e-0123abcd.tar`), 'x');
  // Registry auth dirs of a killed push (pid 777, gone) and of a push still running (pid 888).
  for (const pid of [777, 888]) {
    mkdirSync(join(tmp, `tarmac-auth-${pid}-Ab12Cd`));
    writeFileSync(join(tmp, `tarmac-auth-${pid}-Ab12Cd`, 'config.json'), '{"auths":{}}');
  }
  writeFileSync(
    join(stateDir, 'clusters.json'),
    JSON.stringify({
      clusters: [
        { name: 'e2e', env: 'shop', state: 'creating', createdAt: '', runId: DEAD, tarmacVersion: '0', nodeIds: [] },
      ],
    }),
  );
  return { stateDir, tmp };
}

const now = Math.floor(Date.now() / 1000);
const EXTERNAL = JSON.stringify([
  {
    Id: 'c1',
    Image: 'localhost/base:tm-20bcb35eab79',
    ImageID: 'f2e9',
    Names: ['base-working-container'],
    Created: now,
  },
  {
    Id: 'c2',
    Image: 'docker.io/library/77-tmp:latest',
    ImageID: '876f9d5a6969c517dd',
    Names: ['876f9d5a6969-working-container'],
    Created: now,
  },
  {
    Id: 'c3',
    Image: 'localhost/base:tm-20bcb35eab79',
    ImageID: 'f2e9',
    Names: ['base-working-container-1'],
    Created: now - 7200,
  },
  { Id: 'c4', Image: 'localhost/web:1', ImageID: 'ffff', Names: ['web'], Created: now },
]);
const POD_CONTAINERS = JSON.stringify([
  {
    Id: 'p1',
    Names: ['tarmac-shop-api-pod-api'],
    State: 'exited',
    Image: 'x',
    Labels: {
      'io.tarmac.managed': 'true',
      'io.tarmac.env': 'shop',
      'io.tarmac.target': 'podman',
      'io.tarmac.run': DEAD,
    },
  },
  {
    Id: 'p2',
    Names: ['tarmac-shop-db-pod-db'],
    State: 'running',
    Image: 'x',
    Labels: {
      'io.tarmac.managed': 'true',
      'io.tarmac.env': 'shop',
      'io.tarmac.target': 'podman',
      'io.tarmac.run': DEAD,
    },
  },
]);

function podmanFake(answer: (call: FakeCall) => FakeAnswer | undefined = () => undefined) {
  return fakeRunner((call) => {
    const special = answer(call);
    if (special) return special;
    if (call.args.includes('--external')) return { stdout: EXTERNAL };
    if (call.args[0] === 'ps') return { stdout: POD_CONTAINERS };
    if (call.args[0] === 'rm') return {};
    throw new Error(`unexpected call ${call.args.join(' ')}`);
  });
}

async function runReconcile(
  stateDir: string,
  tmp: string,
  runner = podmanFake(),
  liveBuildStarts: () => number[] = () => [],
) {
  const bus = new EventBus('20261128-110000-eeee');
  const report = await reconcile({
    stateDir,
    envName: 'shop',
    imageNames: ['base', 'api'],
    runId: bus.runId,
    engine: createPodmanEngine(runner),
    runner,
    bus,
    probe: probeFor(100),
    tmpDir: tmp,
    liveBuildStarts,
  });
  return { report, bus, runner };
}

describe('reconcile', () => {
  it('finishes the journal of a crashed run, cleans what it left and reports the rest', async () => {
    const { stateDir, tmp } = fixture();
    const { report, bus, runner } = await runReconcile(stateDir, tmp);

    expect(report.abandoned.map((a) => [a.id, a.pid, a.running])).toEqual([[DEAD, 777, ['build:api']]]);
    const events = readJournal(runDir(stateDir, DEAD));
    expect(events.map((e) => e.type)).toEqual(['run.started', 'step.started', 'incident', 'run.finished']);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'failed', abandoned: true, runId: DEAD });
    expect(journalFinished(runDir(stateDir, LIVE))).toBe(false);

    const rm = runner.calls.filter((c) => c.args[0] === 'rm');
    expect(rm.map((c) => c.args.filter((a) => a.startsWith('c')))).toEqual([['c1', 'c2']]);
    expect(report.removedFiles.sort()).toEqual(
      [
        ...[DEAD, DONE].map((r) => join(tmp, `tarmac-${r}-kind-e2e-0123abcd.tar`)),
        join(tmp, 'tarmac-auth-777-Ab12Cd'),
      ].sort(),
    );
    expect(existsSync(join(tmp, `tarmac-${LIVE}-kind-e2e-0123abcd.tar`))).toBe(true);
    expect(existsSync(join(tmp, 'tarmac-auth-888-Ab12Cd', 'config.json'))).toBe(true);

    expect(report.reported).toEqual([
      expect.stringMatching(
        /left alone buildah working container base-working-container-1 .*podman rm --force base-working-container-1/,
      ),
      expect.stringMatching(/kind cluster e2e: its create \(run 20261128-100000-aaaa\) never finished/),
      expect.stringMatching(/container tarmac-shop-api-pod-api .* has exited; up replaces it/),
    ]);
    expect(bus.history.find((e) => e.type === 'incident')).toMatchObject({
      kind: 'reconciled',
      message: expect.stringContaining(`run ${DEAD} (tarmac up) did not finish: tarmac (pid 777) is gone`),
    });
    const decisions = bus.history.flatMap((e) => (e.type === 'decision' ? [e.message] : []));
    expect(decisions).toContain(
      'reconcile: removed buildah working container 876f9d5a6969-working-container (its layer 876f9d5a696 is in the build log of run 20261128-100000-aaaa)',
    );
  });

  it('is idempotent: a second pass finds nothing more to mark or remove', async () => {
    const { stateDir, tmp } = fixture();
    await runReconcile(stateDir, tmp);
    const before = readFileSync(join(runDir(stateDir, DEAD), 'events.jsonl'), 'utf8');
    const gone = podmanFake((call) => (call.args.includes('--external') ? { stdout: '[]' } : undefined));
    const { report } = await runReconcile(stateDir, tmp, gone);
    expect(report.abandoned).toEqual([]);
    expect(report.removedFiles).toEqual([]);
    expect(readFileSync(join(runDir(stateDir, DEAD), 'events.jsonl'), 'utf8')).toBe(before);
  });

  it('leaves alone a container that a build still running may be using, and says so', async () => {
    const { stateDir, tmp } = fixture();
    // A build that started a minute before the containers were made: identical content built by another env.
    const { report, runner } = await runReconcile(stateDir, tmp, podmanFake(), () => [now * 1000 - 60_000]);
    expect(runner.calls.filter((c) => c.args[0] === 'rm')).toEqual([]);
    expect(report.reported).toContain(
      'left alone buildah working container 876f9d5a6969-working-container: a build still running on this host may be using it (its layer 876f9d5a696 is in the build log of run 20261128-100000-aaaa); once no build runs: podman rm --force 876f9d5a6969-working-container',
    );
    // A build that started after the containers were made cannot be using them.
    const later = await runReconcile(fixture().stateDir, tmp, podmanFake(), () => [now * 1000 + 60_000]);
    expect(later.runner.calls.filter((c) => c.args[0] === 'rm')).toHaveLength(1);
  });

  it('reports a check it could not make and carries on', async () => {
    const { stateDir, tmp } = fixture();
    const broken = podmanFake((call) =>
      call.args.includes('--external')
        ? { exitCode: 125, stderr: 'Error: server probably quit: unexpected EOF' }
        : undefined,
    );
    const { report } = await runReconcile(stateDir, tmp, broken);
    expect(report.problems).toEqual([
      expect.stringMatching(/^could not check for build containers left by killed builds: .*server probably quit/),
    ]);
    expect(report.abandoned).toHaveLength(1);
    expect(report.reported).toHaveLength(2);
  });
});

describe('reconcile asks the engine only about dead runs not yet checked', () => {
  const engineCalls = (runner: { calls: FakeCall[] }) => runner.calls.filter((c) => c.args.includes('--external'));
  const noContainers = () => podmanFake((call) => (call.args.includes('--external') ? { stdout: '[]' } : undefined));

  it('never asks about runs that ended succeeded', async () => {
    const root = newReconcileSettledDir();
    const stateDir = join(root, '.tarmac');
    claimRun(stateDir, DONE, 'up', probeFor(999));
    writeFileSync(
      join(runDir(stateDir, DONE), 'events.jsonl'),
      event(DONE, { type: 'run.finished', outcome: 'succeeded', durationMs: 5 }),
    );
    const { runner } = await runReconcile(stateDir, root, noContainers());
    expect(engineCalls(runner)).toEqual([]);
  });

  it('asks once about a crashed run, and again only while something was left alone or the check failed', async () => {
    const { stateDir, tmp } = fixture();
    // base-working-container-1 is left alone (no dead run accounts for it): the next pass looks again.
    expect(engineCalls((await runReconcile(stateDir, tmp)).runner)).toHaveLength(1);
    const failing = podmanFake((call) =>
      call.args.includes('--external') ? { exitCode: 125, stderr: 'server probably quit' } : undefined,
    );
    expect(engineCalls((await runReconcile(stateDir, tmp, failing)).runner)).toHaveLength(1);
    expect(engineCalls((await runReconcile(stateDir, tmp, noContainers())).runner)).toHaveLength(1);
    // Checked with nothing left: settled, so the engine is not asked again.
    expect(engineCalls((await runReconcile(stateDir, tmp, noContainers())).runner)).toEqual([]);
  });

  it('asks about a run that finished failed or cancelled (it may have killed a build)', async () => {
    const root = newReconcileSettledDir();
    const stateDir = join(root, '.tarmac');
    claimRun(stateDir, DONE, 'up', probeFor(999));
    writeFileSync(
      join(runDir(stateDir, DONE), 'events.jsonl'),
      event(DONE, { type: 'run.finished', outcome: 'cancelled', durationMs: 5 }),
    );
    expect(engineCalls((await runReconcile(stateDir, root, noContainers())).runner)).toHaveLength(1);
  });
});
