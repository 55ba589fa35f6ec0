import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsFile, runDir, stepLogFile, stepsDir } from '../journal/run-dir.js';
import { systemProcessProbe } from './liveness.js';
import { claimRun } from './owner.js';
import { scanRuns } from './runs.js';

let stateDir: string;
beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'tarmac-runs-'));
});
afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

const startedAt = 1_796_000_000_000;

/** A finished run whose journal was last written at `journalAt` and one step log at `stepAt` (ms). */
function finishedRun(id: string, journalAt: number, stepAt: number): string {
  claimRun(stateDir, id, 'up', systemProcessProbe(), startedAt);
  const dir = runDir(stateDir, id);
  writeFileSync(eventsFile(dir), `${JSON.stringify({ type: 'run.finished', outcome: 'succeeded' })}\n`);
  utimesSync(eventsFile(dir), journalAt / 1000, journalAt / 1000);
  mkdirSync(stepsDir(dir), { recursive: true });
  writeFileSync(stepLogFile(dir, 'build:a'), 'built\n');
  utimesSync(stepLogFile(dir, 'build:a'), stepAt / 1000, stepAt / 1000);
  return dir;
}

describe('scanRuns', () => {
  it("gives a run's last sign of life: the newest of its journal and step logs", () => {
    finishedRun('r1', startedAt + 5_000, startedAt + 9_000);
    const [run] = scanRuns(stateDir, 'current', systemProcessProbe());
    expect(run).toMatchObject({ id: 'r1', finished: true, succeeded: true });
    expect(run?.lastSignAt).toBe(startedAt + 9_000);
  });

  it('reads the step logs only when the last sign is asked for (a scan of finished runs reads none)', () => {
    const dir = finishedRun('r1', startedAt + 5_000, startedAt + 9_000);
    const [run] = scanRuns(stateDir, 'current', systemProcessProbe());
    // Gone after the scan: a scan that had read them would still say 9 s.
    rmSync(stepsDir(dir), { recursive: true });
    expect(run?.lastSignAt).toBe(startedAt + 5_000);
  });
});
