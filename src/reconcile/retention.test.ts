// Run retention (disk.prune.keepRuns): reconcile removes the directories of runs beyond the newest kept, only those
// that ended by themselves and need no more checks; a live run, an abandoned run and a run whose leftovers could not
// be checked keep theirs.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../engines/podman.js';
import { EventBus } from '../events/bus.js';
import { fakeRunner } from '../exec/fake-runner.test-kit.js';
import { tempDirs } from '../files/temp-dir.test-kit.js';
import { runDir } from '../journal/run-dir.js';
import type { ProcessProbe } from './liveness.js';
import { claimRun } from './owner.js';
import { reconcile } from './reconcile.js';

const newDir = tempDirs('reconcile-retention');
const LIVE_PID = 888;
const probeFor = (pid: number): ProcessProbe => ({
  pid,
  hostname: () => 'h1',
  bootId: () => 'boot',
  exists: (p) => p === pid || p === LIVE_PID,
  startTicks: () => '1',
});

const id = (n: number) => `20261128-0${n}0000-000${n}`;
const CURRENT = '20261128-110000-eeee';

// Runs 1-6 of env shop, oldest first: 1, 5 and 6 succeeded, 2 failed (its leftovers not yet checked), 3 was
// abandoned (reconcile finished its journal), 4 is still running.
function sixRuns(): string {
  const stateDir = join(newDir(), '.tarmac');
  const finished = (n: number, ending: Record<string, unknown> | undefined, pid = 900 + n) => {
    claimRun(stateDir, id(n), 'up', probeFor(pid));
    const events = ending ? `${JSON.stringify({ v: 1, at: 1, runId: id(n), type: 'run.finished', ...ending })}\n` : '';
    writeFileSync(join(runDir(stateDir, id(n)), 'events.jsonl'), events);
  };
  finished(1, { outcome: 'succeeded', durationMs: 5 });
  finished(2, { outcome: 'failed', durationMs: 5 });
  finished(3, { outcome: 'failed', durationMs: 5, abandoned: true });
  finished(4, undefined, LIVE_PID);
  finished(5, { outcome: 'succeeded', durationMs: 5 });
  finished(6, { outcome: 'succeeded', durationMs: 5 });
  return stateDir;
}

async function pass(stateDir: string, keepRuns: number | undefined, buildContainers = '[]') {
  const runner = fakeRunner((call) =>
    call.args.includes('--external') ? { stdout: buildContainers } : { stdout: '[]' },
  );
  const bus = new EventBus(CURRENT);
  const report = await reconcile({
    stateDir,
    envName: 'shop',
    imageNames: ['api'],
    runId: CURRENT,
    engine: createPodmanEngine(runner),
    runner,
    bus,
    probe: probeFor(100),
    tmpDir: newDir(),
    ...(keepRuns === undefined ? {} : { keepRuns }),
  });
  return { report, bus };
}

const kept = (stateDir: string) => [1, 2, 3, 4, 5, 6].filter((n) => existsSync(runDir(stateDir, id(n))));

describe('reconcile keeps the directories of the newest runs (disk.prune.keepRuns)', () => {
  it('removes the finished, checked runs beyond the newest kept, and says so', async () => {
    const stateDir = sixRuns();
    // Three kept: the current run and the newest two (5, 6); of the older, the live and the abandoned stay.
    const { report, bus } = await pass(stateDir, 3);
    expect(kept(stateDir)).toEqual([3, 4, 5, 6]);
    expect(report.removedRuns).toEqual([id(1), id(2)]);
    const lines = bus.history.flatMap((e) => (e.type === 'decision' ? [e.message] : []));
    expect(lines.some((l) => l.includes('removed the directories of 2 finished run(s) beyond the newest 3'))).toBe(
      true,
    );
  });

  it('keeps a failed run whose leftovers could not be checked (its build logs attribute them)', async () => {
    const stateDir = sixRuns();
    const left = JSON.stringify([
      { Id: 'c9', Image: 'localhost/api:tm-0123456789ab', Names: ['api-working-container'], Created: 1 },
    ]);
    // A working container no dead run accounts for is left alone: the check is not settled.
    await pass(stateDir, 3, left);
    expect(kept(stateDir)).toEqual([2, 3, 4, 5, 6]);
  });

  it('removes nothing without a limit, nor within it', async () => {
    const stateDir = sixRuns();
    await pass(stateDir, undefined);
    expect(kept(stateDir)).toEqual([1, 2, 3, 4, 5, 6]);
    await pass(stateDir, 7);
    expect(kept(stateDir)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
