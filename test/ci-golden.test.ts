// Golden tests for CI output: each test/golden/ci/<case>/ holds a run dir (events.jsonl, triage.json,
// junit.xml) and its tarmac.yaml; expected-github.txt, expected-plain.txt and expected-summary.md
// are what CI shows. UPDATE_GOLDEN=1 rewrites them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAnnotations } from '../src/ci/annotations.js';
import { loadCiRun } from '../src/ci/load-ci-run.js';
import { renderSummary } from '../src/ci/summary.js';
import type { TarmacEvent } from '../src/events/types.js';
import { readJournal } from '../src/journal/reader.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'ci');
const CASES = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function check(dir: string, name: string, text: string): void {
  const file = path.join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1, then review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('CI golden output', () => {
  it('has the required cases', () => {
    expect(CASES).toEqual(expect.arrayContaining(['build-failed', 'tests-failed', 'unclassified']));
  });

  it.each(CASES)('%s', (name) => {
    const dir = path.join(ROOT, name);
    const run = loadCiRun({
      runDir: dir,
      runId: '20250310-120000-abcd',
      configFile: path.join(dir, 'tarmac.yaml'),
      repoRoot: dir,
      junitFile: path.join(dir, 'results', 'junit.xml'),
      links: [{ label: 'bundle', path: '.tarmac/bundles/20250310-120000-abcd.tar.gz' }],
    });
    check(dir, 'expected-github.txt', `${renderAnnotations(run, true).join('\n')}\n`);
    check(dir, 'expected-plain.txt', `${renderAnnotations(run, false).join('\n')}\n`);
    check(dir, 'expected-summary.md', renderSummary(run));
  });

  it.each(CASES)('%s: the same from the events in memory as from the journal', (name) => {
    const dir = path.join(ROOT, name);
    const input = {
      runDir: dir,
      runId: '20250310-120000-abcd',
      configFile: path.join(dir, 'tarmac.yaml'),
      repoRoot: dir,
      junitFile: path.join(dir, 'results', 'junit.xml'),
    };
    const events = readJournal(dir);
    // An output line, which the journal keeps in the step's log and the bus in its history: not an event of the run.
    const output = { type: 'step.output', stepId: 'build:x', stream: 'stdout', line: 'x', at: 0, runId: input.runId };
    const fromMemory = loadCiRun({ ...input, events: [...events, output as TarmacEvent] });
    expect(fromMemory).toEqual(loadCiRun(input));
    expect(events.length).toBeGreaterThan(0);
  });
});
