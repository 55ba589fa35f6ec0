// The layout of a run's directory, `<stateDir>/runs/<runId>/`, in one place: every path tarmac reads or writes
// there is built here.
//
//   owner.json        which tarmac process owns the run (reconcile/owner.ts), written before the journal
//   events.jsonl      the journal (journal/writer.ts)
//   steps/<step>.log  each step's output, one file per step (`build:api` -> `build_api.log`)
//   junit.xml         a redacted copy of the suite's JUnit file (test step)
//   shard-tests.txt   the tests of this shard (sharded test step)
//   triage.json/.md   the triage of a failed run
//   report.md/.html   the reports of a failed run
//   evidence/         triage evidence, one file per collector, and triage-input.json (the triage's input)
//   kind-logs/        `kind export logs` after a failed cluster create or a failed run
import { join } from 'node:path';

/** File and folder names inside a run directory, for listings (bundles, links) that name them one by one. */
export const RUN_FILES = {
  owner: 'owner.json',
  events: 'events.jsonl',
  steps: 'steps',
  junit: 'junit.xml',
  shardTests: 'shard-tests.txt',
  triageJson: 'triage.json',
  triageMarkdown: 'triage.md',
  reportMarkdown: 'report.md',
  reportHtml: 'report.html',
  evidence: 'evidence',
  triageInput: 'triage-input.json',
  kindLogs: 'kind-logs',
} as const;

/** `<stateDir>/runs`: where every run's directory lives. */
export function runsRoot(stateDir: string): string {
  return join(stateDir, 'runs');
}

/** `<stateDir>/runs/<runId>`: one run's directory. */
export function runDir(stateDir: string, runId: string): string {
  return join(runsRoot(stateDir), runId);
}

/** The run's journal. */
export function eventsFile(dir: string): string {
  return join(dir, RUN_FILES.events);
}

/** The run's owner record. */
export function ownerFile(dir: string): string {
  return join(dir, RUN_FILES.owner);
}

/** The folder of the step logs. */
export function stepsDir(dir: string): string {
  return join(dir, RUN_FILES.steps);
}

/** Safe file name for a step id (`build:holmesgpt-api` -> `build_holmesgpt-api.log`). */
export function stepLogName(stepId: string): string {
  return `${stepId.replace(/[^a-zA-Z0-9._-]/g, '_')}.log`;
}

/** One step's log file. */
export function stepLogFile(dir: string, stepId: string): string {
  return join(stepsDir(dir), stepLogName(stepId));
}

/** The run's copy of the suite's JUnit file. */
export function junitCopyFile(dir: string): string {
  return join(dir, RUN_FILES.junit);
}

/** The list of the tests this shard ran. */
export function shardTestsFile(dir: string): string {
  return join(dir, RUN_FILES.shardTests);
}

/** triage.json and triage.md. */
export function triageFiles(dir: string): { json: string; markdown: string } {
  return { json: join(dir, RUN_FILES.triageJson), markdown: join(dir, RUN_FILES.triageMarkdown) };
}

/** report.md and report.html. */
export function reportFiles(dir: string): { markdown: string; html: string } {
  return { markdown: join(dir, RUN_FILES.reportMarkdown), html: join(dir, RUN_FILES.reportHtml) };
}

/** The folder of the triage evidence. */
export function evidenceDir(dir: string): string {
  return join(dir, RUN_FILES.evidence);
}

/** The triage's stored input (evidence and run facts), inside the evidence folder. */
export function triageInputFile(dir: string): string {
  return join(evidenceDir(dir), RUN_FILES.triageInput);
}

/** Where `kind export logs` writes. */
export function kindLogsDir(dir: string): string {
  return join(dir, RUN_FILES.kindLogs);
}
