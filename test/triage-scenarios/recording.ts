// One recorded scenario on disk, test/fixtures/triage-recorded/<name>/: the run's journal (events.jsonl), the tails
// of its step logs, what triage collected (evidence/triage-input.json and the redacted raw evidence/*.txt), the
// live triage.json, and expected.json (the scenario's expectation). Saved by the record script, loaded by the replay
// test through tarmac's own readers (src/triage/triage-input-file.ts, hence src/journal/reader.ts), so recordings
// made after a journal protocol change are read the way tarmac reads runs.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTriageInput, TRIAGE_INPUT_FILE } from '../../src/triage/triage-input-file.js';
import type { TriageInput, TriageResult } from '../../src/triage/types.js';
import type { Expectation, ScenarioOutcome, TriageScenario } from './scenario.js';

/** Where the recordings live. */
export const RECORDINGS = new URL('../fixtures/triage-recorded/', import.meta.url).pathname;

/** Step logs keep their last lines only: the rules read the last 40 (STEP_LOG_LINES); more is kept for headroom. */
const STEP_LOG_KEEP = 200;

/** What expected.json holds. */
export interface RecordedExpectation {
  scenario: string;
  from: string;
  exit: number | 'nonzero';
  exitCode: number | undefined;
  recordedAt: string;
  expect: Expectation;
}

export interface Recording {
  name: string;
  dir: string;
  input: TriageInput;
  expected: RecordedExpectation;
  /** The triage the live run wrote. */
  live: TriageResult;
}

/** Replaces the recording of `scenario` with the run dir of `out`. */
export function saveRecording(scenario: TriageScenario, out: ScenarioOutcome): void {
  const dest = join(RECORDINGS, scenario.name);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(join(dest, 'evidence'), { recursive: true });
  for (const file of ['events.jsonl', 'triage.json'])
    if (existsSync(join(out.runDir, file))) cpSync(join(out.runDir, file), join(dest, file));
  const evidence = join(out.runDir, 'evidence');
  for (const file of readdirSync(evidence).filter((f) => f.endsWith('.txt') || f.endsWith('.json')))
    cpSync(join(evidence, file), join(dest, 'evidence', file));
  const steps = join(out.runDir, 'steps');
  if (existsSync(steps)) {
    mkdirSync(join(dest, 'steps'));
    for (const file of readdirSync(steps)) {
      const lines = readFileSync(join(steps, file), 'utf8').split('\n');
      writeFileSync(join(dest, 'steps', file), lines.slice(-STEP_LOG_KEEP - 1).join('\n'));
    }
  }
  const expected: RecordedExpectation = {
    scenario: scenario.name,
    from: scenario.from,
    exit: scenario.exit,
    exitCode: out.exitCode,
    recordedAt: new Date().toISOString(),
    expect: out.expect,
  };
  writeFileSync(join(dest, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}

/** The names of every recording on disk. */
export function recordingNames(): string[] {
  return existsSync(RECORDINGS)
    ? readdirSync(RECORDINGS)
        .filter((n) => existsSync(join(RECORDINGS, n, TRIAGE_INPUT_FILE)))
        .sort()
    : [];
}

/** One recording, its TriageInput read the way tarmac reads a run dir. */
export function loadRecording(name: string): Recording {
  const dir = join(RECORDINGS, name);
  const json = <T>(file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  return {
    name,
    dir,
    input: readTriageInput(dir),
    expected: json<RecordedExpectation>('expected.json'),
    live: json<TriageResult>('triage.json'),
  };
}
