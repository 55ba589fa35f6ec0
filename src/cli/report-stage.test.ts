import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Env } from '../config/types.js';
import { crashRun } from '../report/report.test-kit.js';
import { reportStage } from './report-stage.js';
import type { Session } from './session.js';
import { makeRedactor } from '../redact/redactor.js';
import { secretValues } from '../redact/env-secrets.js';
import { journalLine } from '../journal/line.js';

function stage(dir: string, outcome: 'failed' | 'succeeded', error?: unknown) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  err.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const env = {
    name: 'x',
    historyPath: join(dir, 'history.db'),
    images: [],
    registry: { url: 'r', push: false, pull: false, insecure: false, username: 'u', password: 'cfg-secret-1234' },
  } as unknown as Env;
  // Only what the stage reads: the env, the journal dir and the run id.
  const session = {
    env,
    journal: { dir },
    bus: { runId: 'r1' },
    redact: makeRedactor(secretValues(env, {})),
  } as unknown as Session;
  reportStage({
    session,
    outcome,
    io: { stdout: out, stderr: err, env: {}, cwd: dir },
    json: false,
    ...(error === undefined ? {} : { error }),
  });
  return { stdout, stderr };
}

describe('reportStage', () => {
  it('writes report.md and report.html of a failed run and prints both paths in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarmac-report-stage-'));
    writeFileSync(join(dir, 'events.jsonl'), crashRun({ output: 'pw cfg-secret-1234' }).map(journalLine).join(''));
    const { stdout, stderr } = stage(dir, 'failed', new Error('boom cfg-secret-1234'));
    expect(stderr).toBe('');
    expect(stdout).toBe('report: report.md · report.html\n');
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('- ✗ run [INTERNAL]: boom ***');
    expect(md).not.toContain('cfg-secret-1234');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<svg class="gantt"');
  });

  it('never throws: a run dir without a journal gives one warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarmac-report-stage-'));
    const { stdout, stderr } = stage(dir, 'failed');
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^warning: the report could not be written: ENOENT.*events\.jsonl/);
  });

  it('writes nothing for a successful run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarmac-report-stage-'));
    expect(stage(dir, 'succeeded')).toEqual({ stdout: '', stderr: '' });
  });
});
