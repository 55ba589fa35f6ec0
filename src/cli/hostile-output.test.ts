// Every summary printer, fed hostile outside text (config values, step output, test names, tool messages): the
// printed text shows it escaped and holds no raw control character, while tarmac's own colours still render.
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import type { RunSummary } from '../orchestrate/scheduler-types.js';
import { COLOURS, HOSTILE, expectEscaped } from '../ui/hostile-text.test-kit.js';
import { colorsFor } from '../ui/colors.js';
import { buildSummary } from './build-summary.js';
import { doctorText } from './commands/doctor.js';
import { downText } from './commands/down.js';
import { historyText } from './commands/history.js';
import { planHeading, planText } from './commands/plan.js';
import { statsText } from './commands/stats.js';
import { statusText } from './commands/status.js';
import { renderError } from './render-error.js';
import { upSummary } from './up-summary.js';
import { warningLine } from './warn.js';

const hostileError = () =>
  new TarmacError('BUILD_FAILED', `build of ${HOSTILE} failed`, { details: [HOSTILE], hint: `rerun ${HOSTILE}` });

const failedRun = (): RunSummary => ({
  outcome: 'failed',
  states: new Map([[`build:${HOSTILE}`, 'failed']]),
  errors: new Map([[`build:${HOSTILE}`, hostileError()]]),
  durationMs: 1000,
});

const env = { name: HOSTILE, historyPath: `/tmp/${HOSTILE}/history.db` };

describe('printed summaries escape outside text and keep tarmac colours', () => {
  it('up and build summaries: step ids, messages, details and hints', () => {
    const up = upSummary({ summary: failedRun(), events: [], durationMs: 1000 }, COLOURS);
    expectEscaped(up, { coloured: true });
    expect(up.match(/\\x1b\]0;pwned/g)).toHaveLength(4);
    const build = buildSummary(
      { summary: failedRun(), images: [{ name: HOSTILE, ref: HOSTILE }], durationMs: 1 },
      COLOURS,
    );
    expectEscaped(build, { coloured: true });
    expect(build.match(/\\x1b\]0;pwned/g)).toHaveLength(4);
  });

  it('rendered errors, an internal error with its stack too', () => {
    expectEscaped(renderError(hostileError(), '/', COLOURS), { coloured: true });
    const internal = new Error(`crash in ${HOSTILE}`);
    expectEscaped(renderError(internal, '/', COLOURS), { coloured: true });
  });

  it('status: node states, problems, deployed references and endpoints', () => {
    const text = statusText({
      env: 'shop',
      why: `cluster.target: kind (${HOSTILE})`,
      targetName: 'shop-e2e',
      cluster: {
        exists: true,
        healthy: false,
        problems: [HOSTILE],
        nodes: [{ name: 'n1', state: HOSTILE }],
        createdByTarmac: true,
      },
      state: { target: 'kind', cluster: 'c', runId: 'r1', images: { api: HOSTILE }, outcome: 'ok', at: 'now' },
      endpoints: { api: `http://${HOSTILE}` },
    });
    expectEscaped(text, { coloured: false });
    expect(text.match(/\\x1b\]0;pwned/g)).toHaveLength(5);
  });

  it('down: what was removed and what was left alone', () => {
    const text = downText('shop', { removed: [HOSTILE], keptForeign: [HOSTILE] });
    expectEscaped(text, { coloured: false });
    expect(text.match(/\\x1b\]0;pwned/g)).toHaveLength(2);
    expectEscaped(downText(HOSTILE, { removed: [], keptForeign: [] }), { coloured: false });
  });

  it('plan: heading, step table, critical path', () => {
    expectEscaped(planHeading(env, HOSTILE, 3), { coloured: false });
    const step = {
      id: `build:${HOSTILE}`,
      kind: 'build',
      subject: HOSTILE,
      deps: [HOSTILE],
      weight: 1,
      cached: false,
      estimateMs: 1000,
      source: 'default' as const,
      priority: 0,
    };
    const prediction = { steps: [step], criticalPath: [step.id], criticalPathMs: 1000, predictions: [] };
    const text = planText(prediction, prediction);
    expectEscaped(text, { coloured: false });
    expect(text.match(/\\x1b\]0;pwned/g)).toHaveLength(3);
  });

  it('history and stats: commands, labels, test names, the history path', () => {
    expectEscaped(historyText(env, [['now', HOSTILE, 'ok', '1s', '2s', '-', '-', 'r1']]), { coloured: false });
    const strategy = {
      command: HOSTILE,
      capacity: 2,
      label: HOSTILE,
      suites: [HOSTILE],
      runs: 1,
      succeeded: 1,
      failed: 0,
      cancelled: 0,
      abandoned: 0,
      setupSamples: 1,
      setupP50Ms: 1000,
      setupP95Ms: 1000,
      crashRate: 0,
      cacheHitRate: 1,
    };
    const test = {
      id: HOSTILE,
      runs: 2,
      passed: 1,
      failed: 1,
      skipped: 0,
      passRate: 0.5,
      flaky: true,
      flakyInputs: [],
    };
    const text = statsText(env, [strategy], [test]);
    expectEscaped(text, { coloured: false });
    expect(text.match(/\\x1b\]0;pwned/g)).toHaveLength(6);
  });

  it('doctor: the status table, verdicts, evidence and actions', () => {
    const text = doctorText(
      {
        generatedAt: 0,
        durationMs: 1,
        status: [{ component: 'engine', status: 'down', evidence: HOSTILE }],
        verdicts: [
          { ruleId: 'r', title: HOSTILE, confidence: 0.9, summary: HOSTILE, evidence: [HOSTILE], actions: [HOSTILE] },
        ],
        collectors: [],
      },
      false,
      HOSTILE,
      COLOURS,
    );
    expectEscaped(text, { coloured: true });
    expect(text.match(/\\x1b\]0;pwned/g)).toHaveLength(6);
  });

  it('warning lines: escaped after redaction', () => {
    const line = warningLine(`events.jsonl:3: ${HOSTILE}; skipped`, (t) => t.replace('pwned', '***'));
    expect(line).toBe('warning: events.jsonl:3: pwn\\x1b]0;***\\x07\\x1b[2J\\rFAKE ok\\u202eevil; skipped\n');
  });

  it('keeps colours off when the stream asks for none', () => {
    const plain = upSummary({ summary: failedRun(), events: [], durationMs: 1 }, colorsFor(false, {}));
    expectEscaped(plain, { coloured: false });
    expect(plain).not.toContain('\u001b');
  });
});
