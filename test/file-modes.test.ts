// tarmac's files are its owner's alone: `.tarmac/` and every folder in it 0700, the journal, step logs, owner record,
// env state, reports, history and the podman target's played YAML (it holds Secrets) 0600, whatever the umask.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../src/events/bus.js';
import { openHistory } from '../src/history/store.js';
import { openJournal } from '../src/journal/writer.js';
import { reportFiles, stepLogFile } from '../src/journal/run-dir.js';
import { writeEnvState, readEnvState } from '../src/orchestrate/env-state.js';
import { systemProcessProbe } from '../src/reconcile/liveness.js';
import { claimRun } from '../src/reconcile/owner.js';
import { makeRedactor } from '../src/redact/redactor.js';
import { buildReport } from '../src/report/report-model.js';
import { writeRunReport } from '../src/report/run-report.js';
import { playUnit } from '../src/targets/podman/play.js';
import type { PlayUnit } from '../src/targets/podman/play-plan.js';
import type { PodmanCli } from '../src/targets/podman/podman-cli.js';

const mode = (path: string): number => statSync(path).mode & 0o777;
let root = '';
let umask = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tarmac-modes-'));
  // The widest umask: modes must come from tarmac, not from the machine's default.
  umask = process.umask(0);
});
afterAll(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

describe('file modes', () => {
  it('tightens an existing world-readable .tarmac to 0700 and writes the run dir 0700, its files 0600', () => {
    const stateDir = join(root, 'p1', '.tarmac');
    mkdirSync(stateDir, { recursive: true, mode: 0o755 });
    chmodSync(stateDir, 0o755);
    claimRun(stateDir, 'r1', 'up', systemProcessProbe());
    expect(mode(stateDir)).toBe(0o700);
    const bus = new EventBus('r1', { now: () => 1 });
    const journal = openJournal(stateDir, 'r1');
    bus.subscribe(journal.listener);
    bus.emit({ type: 'step.output', stepId: 'test', line: 'hello' });
    bus.emit({ type: 'decision', message: 'x' });
    journal.close();
    expect(mode(journal.dir)).toBe(0o700);
    expect(mode(join(journal.dir, 'steps'))).toBe(0o700);
    expect(mode(join(journal.dir, 'events.jsonl'))).toBe(0o600);
    expect(mode(join(journal.dir, 'owner.json'))).toBe(0o600);
    expect(mode(stepLogFile(journal.dir, 'test'))).toBe(0o600);
    const { markdown, html } = writeRunReport(
      journal.dir,
      buildReport({ events: bus.history, expected: {}, runId: 'r1' }),
      makeRedactor([]),
    );
    expect([mode(markdown), mode(html)]).toEqual([0o600, 0o600]);
    expect(reportFiles(journal.dir).markdown).toBe(markdown);
  });

  it('writes the env state 0600 in a 0700 state dir', () => {
    const stateDir = join(root, 'p2', '.tarmac');
    writeEnvState(stateDir, { target: 'podman', cluster: 'e', runId: 'r', images: {}, outcome: 'ok', at: 'now' });
    expect(readEnvState(stateDir)).toBeDefined();
    expect(mode(stateDir)).toBe(0o700);
    expect(mode(join(stateDir, 'state.json'))).toBe(0o600);
  });

  it('opens the history file 0600, and its write-ahead log too', () => {
    const dir = join(root, 'p3', '.tarmac');
    const db = openHistory(join(dir, 'history.db'));
    db.exec('CREATE TABLE IF NOT EXISTS t (x)');
    db.prepare('INSERT INTO t VALUES (1)').run();
    expect(mode(join(dir, 'history.db'))).toBe(0o600);
    expect(mode(join(dir, 'history.db-wal'))).toBe(0o600);
    db.close();
    expect(mode(dir)).toBe(0o700);
  });

  it("plays the podman target's YAML (with its Secrets) from a 0600 file", async () => {
    const playDir = join(root, 'p4', '.tarmac', 'podman', 'play');
    const seen: number[] = [];
    const cli = {
      run: async (args: readonly string[]) => {
        seen.push(mode(args.at(-1)!));
        return { ok: true, exitCode: 0, stdout: '', stderr: '', tail: [] };
      },
    } as unknown as PodmanCli;
    const unit = {
      podName: 'api',
      pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api' }, spec: { containers: [] } },
      extras: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'aHVudGVyMg==' } }],
      aliases: [],
      publish: [],
    } as unknown as PlayUnit;
    const { playFile } = await playUnit(unit, {
      cli,
      network: 'n',
      playDir,
      previousPorts: {},
      timeoutMs: 1000,
      insecure: false,
      signal: new AbortController().signal,
      output: () => undefined,
      removePod: async () => undefined,
    });
    expect(seen).toEqual([0o600]);
    expect(mode(playFile)).toBe(0o600);
    expect(mode(playDir)).toBe(0o700);
  });
});
