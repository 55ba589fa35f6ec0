// The facts a triage read besides the journal and step logs: the typed evidence, the env's shape and an error thrown
// past the journal, stored (redacted) as <runDir>/evidence/triage-input.json. With the run dir's journal it is the
// whole TriageInput again, so a triage can be replayed offline (the recorded scenarios in test/fixtures do that).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../files/private.js';
import { join } from 'node:path';
import { evidenceDir, RUN_FILES, triageInputFile } from '../journal/run-dir.js';
import { redactDeep, type Redactor } from '../redact/redactor.js';
import { readRunFacts } from './run-facts.js';
import type { Evidence, RunFacts, TriageInput } from './types.js';

/** Where the stored input lives inside a run dir. */
export const TRIAGE_INPUT_FILE = join(RUN_FILES.evidence, RUN_FILES.triageInput);

/** What the file holds; the journal part of RunFacts is never copied (events.jsonl and steps/ are its source). */
export interface StoredTriageInput {
  version: 1;
  evidence: Evidence;
  env?: RunFacts['env'];
  thrown?: RunFacts['thrown'];
}

/** Writes the evidence and the run facts the journal lacks, redacted. */
export async function writeTriageInput(runDir: string, input: TriageInput, redact: Redactor): Promise<void> {
  const stored: StoredTriageInput = {
    version: 1,
    evidence: input.evidence,
    ...(input.run.env ? { env: input.run.env } : {}),
    ...(input.run.thrown ? { thrown: input.run.thrown } : {}),
  };
  await mkdir(evidenceDir(runDir), { recursive: true, mode: PRIVATE_DIR_MODE });
  await writeFile(triageInputFile(runDir), `${JSON.stringify(redactDeep(stored, redact), null, 2)}\n`, {
    mode: PRIVATE_FILE_MODE,
  });
}

/** The TriageInput of a run dir that has a stored input: the journal through the journal reader, plus the file. */
export function readTriageInput(runDir: string): TriageInput {
  const file = triageInputFile(runDir);
  if (!existsSync(file)) throw new Error(`${file} does not exist: this run dir was not triaged by this tarmac`);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredTriageInput;
  const run = readRunFacts(runDir, undefined, stored.env?.target ?? 'podman', stored.thrown);
  return { evidence: stored.evidence, run: { ...run, ...(stored.env ? { env: stored.env } : {}) } };
}
