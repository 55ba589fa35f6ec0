// The redaction corpus at every sink: a failed run whose test step prints every corpus line (and whose env holds
// secret-named values), written to the terminal, the journal, the step log, history, the reports, the triage files,
// the bundle, the GitHub annotations and the job summary, through the writers tarmac uses. No corpus secret survives.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../src/bundle/write-bundle.js';
import { planBundle } from '../src/bundle/bundle-entries.js';
import { renderAnnotations } from '../src/ci/annotations.js';
import { loadCiRun } from '../src/ci/load-ci-run.js';
import { renderSummary } from '../src/ci/summary.js';
import { attachView } from '../src/cli/view.js';
import type { Env } from '../src/config/types.js';
import { EventBus } from '../src/events/bus.js';
import { fakeRunner } from '../src/exec/fake-runner.test-kit.js';
import { openRecorder } from '../src/history/recorder.js';
import { openJournal } from '../src/journal/writer.js';
import { secretValues } from '../src/redact/env-secrets.js';
import { makeRedactor, redactDeep } from '../src/redact/redactor.js';
import { renderHtml } from '../src/report/html.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { loadRunReport, writeRunReport } from '../src/report/run-report.js';
import { triageRun } from '../src/triage/triage-run.js';
import { allSecretLines, leakedSecrets } from './fixtures/redaction/corpus.js';

// Secret-named values of the env and the process environment, printed bare by the suite (no key beside them).
const ENV_SECRETS = { DB_PASSWORD: 'hunter2', STRIPE_KEY: 'stripe/Key+42', SHORT_TOKEN: 'abcd' };
const PRINTED = [...allSecretLines, ...Object.values(ENV_SECRETS).map((v) => `the suite saw ${v} here`)];
const envLeaks = (text: string) => Object.values(ENV_SECRETS).filter((v) => text.includes(v));

const root = mkdtempSync(join(tmpdir(), 'tarmac-sinks-'));
const stateDir = join(root, '.tarmac');
const runId = '20261205-100000-sinks';
const sinks = new Map<string, string>();
let runDir = '';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  const env = { test: { env: { DB_PASSWORD: ENV_SECRETS.DB_PASSWORD } }, images: [] } as unknown as Env;
  const processEnv = { STRIPE_KEY: ENV_SECRETS.STRIPE_KEY, SHORT_TOKEN: ENV_SECRETS.SHORT_TOKEN };
  const redact = makeRedactor(secretValues(env, processEnv));
  let terminal = '';
  const bus = new EventBus(runId, { now: () => 1_000 }, redact);
  const journal = openJournal(stateDir, runId);
  runDir = journal.dir;
  const historyPath = join(stateDir, 'history.db');
  const recorder = openRecorder({ path: historyPath, env: 'sinks', warn: (m) => void (terminal += m) });
  bus.subscribe(journal.listener);
  bus.subscribe(recorder.listener);
  const out = { write: (t: string) => void (terminal += t), isTTY: false } as never;
  const view = attachView(bus, out, {}, { plain: true, verbose: true });
  const step = { id: 'test', kind: 'test', subject: 'suite', deps: [], claims: { engine: 1 }, cached: false };
  bus.emit({
    type: 'run.started',
    command: 'test',
    capacity: 1,
    steps: [step],
    target: 'podman',
    engine: { type: 'podman', endpoint: '' },
  } as never);
  bus.emit({ type: 'step.started', stepId: 'test', claims: { engine: 1 }, attempt: 1 });
  for (const line of PRINTED) bus.emit({ type: 'step.output', stepId: 'test', line });
  // The error carries the raw output's tail and a message quoting one line, as a failed command's error does.
  const error = { code: 'TESTS_FAILED' as const, message: `suite failed: ${PRINTED.at(-1)}`, tail: PRINTED };
  bus.emit({ type: 'step.finished', stepId: 'test', state: 'failed', durationMs: 5, error });
  bus.emit({ type: 'run.finished', outcome: 'failed', durationMs: 10 });
  view.stop();
  recorder.close();
  journal.close();
  sinks.set('terminal', terminal);
  sinks.set('journal', readFileSync(join(runDir, 'events.jsonl'), 'utf8'));
  sinks.set('step log', readFileSync(join(runDir, 'steps', 'test.log'), 'utf8'));
  const db = new Database(historyPath, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  sinks.set('history', tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n'));
  db.close();
  // Triage with one collector whose raw output is the whole corpus (evidence files, triage-input.json).
  const corpusCollector = {
    name: 'engine',
    applies: () => true,
    collect: async () => ({ data: {}, raw: PRINTED.join('\n') }),
  };
  await triageRun({
    runner: fakeRunner(() => ({})),
    runDir,
    signal: new AbortController().signal,
    processEnv,
    redact,
    collectors: [corpusCollector],
    warn: () => undefined,
  });
  sinks.set('triage', ['triage.json', 'triage.md'].map((f) => readFileSync(join(runDir, f), 'utf8')).join('\n'));
  sinks.set(
    'evidence',
    filesUnder(join(runDir, 'evidence'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n'),
  );
  const { model } = loadRunReport(runDir, runId, {});
  const written = writeRunReport(runDir, model, redact);
  sinks.set('report.md', readFileSync(written.markdown, 'utf8'));
  sinks.set('report.html', readFileSync(written.html, 'utf8'));
  sinks.set('report --json', JSON.stringify(redactDeep(model, redact)));
  sinks.set('report (stdout)', renderMarkdown(model, redact) + renderHtml(model, redact));
  const ci = loadCiRun({ runDir, runId, configFile: join(root, 'tarmac.yaml'), repoRoot: root });
  sinks.set('annotations', [...renderAnnotations(ci, true), ...renderAnnotations(ci, false)].map(redact).join('\n'));
  sinks.set('job summary', redact(renderSummary(ci)));
  const bundle = join(root, 'out', 'b.tar.gz');
  await writeBundle(runId, planBundle({ runDir }), bundle, redact);
  const x = join(root, 'x');
  mkdirSync(x);
  await extract({ file: bundle, cwd: x });
  sinks.set(
    'bundle',
    filesUnder(x)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n'),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('redaction at every sink', () => {
  it('the run really printed the corpus: the step log has one line per printed line, masked', () => {
    const log = sinks.get('step log')!.split('\n');
    expect(log).toHaveLength(PRINTED.length + 1);
    expect(log.filter((l) => l.includes('***')).length).toBeGreaterThan(allSecretLines.length / 2);
  });

  it.each([
    'terminal',
    'journal',
    'step log',
    'history',
    'triage',
    'evidence',
    'report.md',
    'report.html',
    'report --json',
    'report (stdout)',
    'annotations',
    'job summary',
    'bundle',
  ])('%s: no corpus secret, no env secret value', (sink) => {
    const text = sinks.get(sink);
    expect(text, `${sink} was written`).toBeTruthy();
    expect(leakedSecrets(text!)).toEqual([]);
    expect(envLeaks(text!)).toEqual([]);
  });
});
