// Replays one corpus case through tarmac's live failure path into `diagnose`.
import { rmSync } from 'node:fs';
import { diagnose, type Diagnosis } from '../diagnose.js';
import type { TriageInput } from '../types.js';
import type { CorpusCase } from './corpus-case.js';
import { replayEvidence } from './replay-evidence.js';
import { replayRun } from './replay-journal.js';
import { replayWorld } from './replay-world.js';

export interface Replay {
  input: TriageInput;
  diagnosis: Diagnosis;
}

/** The triage input tarmac would have had after the case's failure, and what `diagnose` makes of it. */
export async function replayCase(c: CorpusCase, signal: AbortSignal = new AbortController().signal): Promise<Replay> {
  const world = replayWorld(c);
  try {
    const run = await replayRun(c, world, signal);
    const evidence = await replayEvidence(c, world);
    const input = { run, evidence };
    return { input, diagnosis: diagnose(input) };
  } finally {
    rmSync(world.root, { recursive: true, force: true });
  }
}
