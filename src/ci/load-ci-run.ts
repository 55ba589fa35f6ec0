// Folds a run directory (events.jsonl, triage.json, junit.xml) and the config's YAML positions into
// a CiRun. Reads files only; a missing or unreadable optional file just leaves its part out.
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { TarmacEvent } from '../events/types.js';
import { readJournal } from '../journal/reader.js';
import { parseJUnit } from '../junit/junit.js';
import { readTriageFile } from '../triage/triage-file.js';
import type { CiRun, CiStep, CiTestCase } from './ci-run.js';
import { stepConfigLines } from './config-lines.js';
import { junitCopyFile, triageFiles } from '../journal/run-dir.js';

export interface LoadCiRunInput {
  runDir: string;
  runId: string;
  /** Absolute path of tarmac.yaml. */
  configFile: string;
  /** Paths in annotations are relative to this (GITHUB_WORKSPACE, else the working directory). */
  repoRoot: string;
  /** The config's test.junit, read when the run dir has no junit.xml copy. */
  junitFile?: string;
  /** Where the test command ran: JUnit `file` attributes are relative to it (default: repoRoot). */
  testCwd?: string;
  links?: CiRun['links'];
  /**
   * The run's events when this process ran it (the bus's history): the journal it wrote is not read back and
   * parsed again (issue 16: most of the CI stage's time after a `test`). Output lines are ignored, as in the journal.
   */
  events?: readonly TarmacEvent[];
}

/** The CiRun of one run directory. */
export function loadCiRun(input: LoadCiRunInput): CiRun {
  const events = input.events ? input.events.filter((e) => e.type !== 'step.output') : readJournal(input.runDir);
  const started = events.find((e) => e.type === 'run.started');
  const finished = events.findLast((e) => e.type === 'run.finished');
  const steps = foldSteps(events, started?.at ?? events[0]?.at ?? 0);
  const configText = readOptional(input.configFile);
  const lines =
    configText === undefined
      ? new Map<string, number>()
      : stepConfigLines(
          configText,
          steps.map((s) => s.id),
        );
  for (const step of steps) {
    const line = lines.get(step.id);
    if (line !== undefined) step.line = line;
  }
  // A malformed triage.json only costs the CI output its verdict (reports say why).
  const { triage } = readTriageFile(triageFiles(input.runDir).json);
  const tests = foldTests(events, junitFiles(input), input.testCwd ?? input.repoRoot, input.repoRoot);
  return {
    runId: input.runId,
    command: started?.type === 'run.started' ? started.command : 'run',
    outcome: finished?.type === 'run.finished' ? finished.outcome : 'unfinished',
    ...(finished?.type === 'run.finished' ? { durationMs: finished.durationMs } : {}),
    configFile: relative(input.repoRoot, input.configFile) || input.configFile,
    steps,
    ...(tests ? { tests } : {}),
    ...(triage ? { triage } : {}),
    links: input.links ?? [],
  };
}

function foldSteps(events: readonly TarmacEvent[], t0: number): CiStep[] {
  const steps = new Map<string, CiStep>();
  const get = (id: string) => steps.get(id) ?? (steps.set(id, { id, state: 'pending' }), steps.get(id) as CiStep);
  for (const e of events) {
    if (e.type === 'run.started') for (const s of e.steps) get(s.id);
    if (e.type === 'step.started') {
      const step = get(e.stepId);
      step.state = 'running';
      step.startMs ??= e.at - t0;
    }
    if (e.type === 'step.finished') {
      const step = get(e.stepId);
      step.state = e.state;
      // Over all attempts: from the first start to this end.
      step.durationMs = step.startMs !== undefined ? e.at - t0 - step.startMs : e.durationMs;
      if (e.detail !== undefined) step.detail = e.detail;
      if (e.error !== undefined) step.error = e.error;
    }
  }
  return [...steps.values()];
}

function foldTests(
  events: readonly TarmacEvent[],
  junit: string | undefined,
  testCwd: string,
  repoRoot: string,
): CiRun['tests'] {
  const reported = events.findLast((e) => e.type === 'tests.reported');
  if (reported?.type !== 'tests.reported') return undefined;
  const files = junit === undefined ? new Map<string, string>() : caseFiles(junit);
  const failing: CiTestCase[] = reported.cases
    .filter((c) => c.status === 'failed' || c.status === 'error')
    .map((c) => {
      const file = files.get(c.id);
      return {
        id: c.id,
        status: c.status as CiTestCase['status'],
        ...(c.message !== undefined ? { message: c.message } : {}),
        ...(file !== undefined ? { file: relative(repoRoot, resolve(testCwd, file)) } : {}),
      };
    });
  return { totals: reported.totals, failing };
}

// The run dir's junit.xml (a copy the test step keeps), else the config's test.junit.
function junitFiles(input: LoadCiRunInput): string | undefined {
  const copy = junitCopyFile(input.runDir);
  return existsSync(copy)
    ? copy
    : input.junitFile !== undefined && existsSync(input.junitFile)
      ? input.junitFile
      : undefined;
}

function caseFiles(file: string): Map<string, string> {
  try {
    const report = parseJUnit(readFileSync(file, 'utf8'), file);
    return new Map(report.cases.filter((c) => c.file !== undefined).map((c) => [c.id, c.file as string]));
  } catch {
    // A malformed JUnit file was already reported by the test step; annotations just go without files.
    return new Map();
  }
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
