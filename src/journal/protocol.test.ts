import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TarmacEvent } from '../events/types.js';
import { journalLine } from './line.js';
import { parseLine, readJournal } from './reader.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const started: TarmacEvent = {
  type: 'run.started',
  at: 1,
  runId: 'r',
  command: 'up',
  capacity: 2,
  steps: [],
  target: 'kind',
  engine: { type: 'podman', endpoint: '--url unix:///run/podman.sock' },
};
const failed: TarmacEvent = {
  type: 'step.finished',
  at: 2,
  runId: 'r',
  stepId: 'build:a',
  state: 'failed',
  durationMs: 5,
  error: {
    code: 'STEP_TIMEOUT',
    message: 'build:a timed out',
    probe: { ok: false, timedOut: true, durationMs: 5000, detail: 'no answer within 5.0s' },
  },
};

function journalOf(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-protocol-'));
  dirs.push(dir);
  const file = join(dir, 'events.jsonl');
  writeFileSync(file, text);
  return { dir, file };
}

describe('journal protocol', () => {
  it('writes the version on every line and reads the events back unchanged', () => {
    expect(journalLine(started)).toMatch(/^\{"v":1,"type":"run.started",/);
    expect(parseLine(journalLine(failed))).toEqual({ event: failed });
  });

  it('carries an error’s typed fact, and rejects a fact of the wrong shape', () => {
    const crashed: TarmacEvent = {
      ...failed,
      stepId: 'deploy:apps',
      error: {
        code: 'DEPLOY_FAILED',
        message: 'deploy apps: Deployment/api: pod api-1: CrashLoopBackOff (...)',
        fact: {
          type: 'workloads',
          workloads: [{ workload: 'Deployment/api', state: 'failed', reason: 'CrashLoopBackOff', exitCode: 2 }],
        },
      },
    };
    expect(parseLine(journalLine(crashed))).toEqual({ event: crashed });
    const bad = JSON.stringify({
      v: 1,
      ...failed,
      error: { code: 'BUILD_FAILED', message: 'x', fact: { type: 'build' } },
    });
    expect(parseLine(bad)).toMatchObject({ why: expect.stringMatching(/^not a valid step\.finished at error\.fact/) });
  });

  it('skips null, non-JSON, unknown and misshapen lines with a warning naming file and line', () => {
    const { dir, file } = journalOf(
      [
        journalLine(started).trimEnd(),
        'null',
        '[1,2]',
        'garbage',
        JSON.stringify({ ...failed }), // no `v`: a tarmac older than the protocol
        JSON.stringify({ v: 2, ...failed }),
        JSON.stringify({ v: 1, ...failed, error: { code: 'NOT_A_CODE', message: 'x' } }),
        JSON.stringify({ v: 1, type: 'step.exploded', at: 1, runId: 'r' }),
        journalLine(failed).trimEnd(),
      ].join('\n') + '\n',
    );
    const warnings: string[] = [];
    expect(readJournal(dir, (w) => warnings.push(w))).toEqual([started, failed]);
    expect(warnings).toEqual([
      `${file}:2: not an event object (null); skipped`,
      `${file}:3: not an event object (array); skipped`,
      `${file}:4: not valid JSON; skipped`,
      `${file}:5: no protocol version (written by a tarmac older than journal protocol v1); skipped`,
      `${file}:6: journal protocol v2, this tarmac reads v1; skipped`,
      expect.stringMatching(new RegExp(`^${file}:7: not a valid step.finished at error.code: `)),
      `${file}:8: unknown event type "step.exploded"; skipped`,
    ]);
  });

  it('skips a torn last line without a warning: a killed writer leaves one', () => {
    const { dir } = journalOf(`${journalLine(started)}{"v":1,"type":"step.fin`);
    const warnings: string[] = [];
    expect(readJournal(dir, (w) => warnings.push(w))).toEqual([started]);
    expect(warnings).toEqual([]);
  });
});
