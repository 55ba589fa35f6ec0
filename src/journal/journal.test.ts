import { mkdtempSync, readFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../events/bus.js';
import { stepLogName } from './run-dir.js';
import { openJournal } from './writer.js';
import { readJournal } from './reader.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('journal', () => {
  it('writes events as JSONL and step output to per-step logs, readable back', () => {
    const state = mkdtempSync(join(tmpdir(), 'tarmac-journal-'));
    dirs.push(state);
    const bus = new EventBus('run-1', { now: () => 1000 });
    const journal = openJournal(state, bus.runId);
    bus.subscribe(journal.listener);
    bus.emit({ type: 'step.started', stepId: 'build:a', claims: { engine: 1 }, attempt: 1 });
    bus.emit({ type: 'step.output', stepId: 'build:a', line: 'STEP 1/2: FROM scratch' });
    bus.emit({ type: 'step.finished', stepId: 'build:a', state: 'succeeded', durationMs: 5 });
    journal.close();
    const events = readJournal(journal.dir);
    expect(events.map((e) => e.type)).toEqual(['step.started', 'step.finished']);
    expect(events[0]).toMatchObject({ runId: 'run-1', at: 1000, stepId: 'build:a' });
    expect(readFileSync(join(journal.dir, 'steps', stepLogName('build:a')), 'utf8')).toBe('STEP 1/2: FROM scratch\n');
  });

  it('skips a torn last line left by a killed writer', () => {
    const state = mkdtempSync(join(tmpdir(), 'tarmac-journal-'));
    dirs.push(state);
    const journal = openJournal(state, 'run-2');
    journal.listener({ type: 'decision', message: 'x', at: 1, runId: 'run-2' });
    journal.close();
    appendFileSync(join(journal.dir, 'events.jsonl'), '{"type":"step.sta');
    expect(readJournal(journal.dir)).toHaveLength(1);
  });
});
