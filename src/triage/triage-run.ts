// One triage: collect evidence (parallel, bounded), read the run's journal, diagnose, and write triage.json,
// triage.md and the input it read (evidence/triage-input.json) into the run dir. Used after a failed run, by
// `tarmac triage` and (without a run) by `tarmac doctor`.
import { writeFile } from 'node:fs/promises';
import { PRIVATE_FILE_MODE } from '../files/private.js';
import type { Env } from '../config/types.js';
import { triageFiles } from '../journal/run-dir.js';
import type { ContainerEngine } from '../engines/types.js';
import type { CommandRunner } from '../exec/types.js';
import { redactDeep, type Redactor } from '../redact/redactor.js';
import { collectEvidence } from './collect.js';
import type { Collector } from './evidence/context.js';
import { diagnose } from './diagnose.js';
import { loadKnownReports } from './similar/load-known.js';
import { renderTriageMarkdown } from './render-md.js';
import { toEventError } from '../events/event-error.js';
import type { JournalWarn } from '../journal/reader.js';
import { readRunFacts } from './run-facts.js';
import { statusTable } from './status-table.js';
import { targetType } from './target-type.js';
import { writeTriageInput } from './triage-input-file.js';
import type { RunFacts, TriageResult } from './types.js';

export interface TriageRunOptions {
  env?: Env;
  /** The other clusters of the env's suite, inspected beside it (a multi-cluster suite). */
  siblings?: Env[];
  engine?: ContainerEngine;
  runner: CommandRunner;
  /** The run to triage; without it (doctor) there is no journal and nothing is written. */
  runDir?: string;
  signal: AbortSignal;
  processEnv: NodeJS.ProcessEnv;
  redact: Redactor;
  now?: () => number;
  /** An error the command threw past the journal. */
  thrown?: unknown;
  /** Per-collector timeout (default 6 s). */
  collectTimeoutMs?: number;
  /** Receives a warning per journal line that is skipped as corrupt (default: stderr). */
  warn?: JournalWarn;
  /** Replaces the collectors (tests). */
  collectors?: Collector<unknown>[];
}

/** Collects, diagnoses and (with a run dir) writes the triage; never throws for a failed collector. */
export async function triageRun(opts: TriageRunOptions): Promise<TriageResult> {
  const now = opts.now ?? Date.now;
  const started = now();
  const preliminary = readRunFacts(opts.runDir, opts.env, 'podman', undefined, opts.warn);
  const target = opts.env ? targetType(opts.env, opts.processEnv, preliminary.events) : 'podman';
  const run: RunFacts = readRunFacts(
    opts.runDir,
    opts.env,
    target,
    opts.thrown === undefined ? undefined : toEventError(opts.thrown),
    () => undefined, // the preliminary read above already warned about every bad line
  );
  const evidence = await collectEvidence({
    runner: opts.runner,
    ...(opts.engine ? { engine: opts.engine } : {}),
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.siblings ? { siblings: opts.siblings } : {}),
    target,
    processEnv: opts.processEnv,
    ...(opts.runDir ? { runDir: opts.runDir } : {}),
    runFailed: runFailed(run),
    signal: opts.signal,
    redact: opts.redact,
    ...(opts.collectTimeoutMs ? { timeoutMs: opts.collectTimeoutMs } : {}),
    ...(opts.collectors ? { collectors: opts.collectors } : {}),
    now,
  });
  const diagnosis = diagnose({ evidence, run }, undefined, loadKnownReports);
  const collectors = Object.values(evidence)
    .filter((c): c is TriageResult['collectors'][number] => typeof c === 'object' && c !== null && 'ok' in c)
    .map((c) => ({
      name: c.name,
      ok: c.ok,
      timedOut: c.timedOut,
      durationMs: c.durationMs,
      ...(c.error ? { error: c.error } : {}),
      ...(c.attempts && c.attempts > 1 ? { attempts: c.attempts } : {}),
    }));
  const result: TriageResult = redactDeep(
    {
      ...(run.runId ? { runId: run.runId } : {}),
      generatedAt: now(),
      durationMs: now() - started,
      status: statusTable(evidence),
      verdicts: diagnosis.verdicts,
      ...(diagnosis.unclassified ? { unclassified: diagnosis.unclassified } : {}),
      collectors,
    },
    opts.redact,
  );
  if (opts.runDir) {
    const paths = triageFiles(opts.runDir);
    await writeFile(paths.json, `${JSON.stringify(result, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
    await writeFile(paths.markdown, renderTriageMarkdown(result), { mode: PRIVATE_FILE_MODE });
    await writeTriageInput(opts.runDir, { evidence, run }, opts.redact);
  }
  return result;
}

/** Whether the run failed: its journal says so, a step failed, or the command threw. */
export function runFailed(run: RunFacts): boolean {
  if (run.thrown) return true;
  return run.events.some(
    (e) =>
      (e.type === 'run.finished' && e.outcome === 'failed') || (e.type === 'step.finished' && e.state === 'failed'),
  );
}
