// RunFacts from a saved run directory: its journal, the last lines of each step's log, and the env's shape.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../config/types.js';
import type { EventError, TarmacEvent } from '../events/types.js';
import { readJournal, type JournalWarn } from '../journal/reader.js';
import type { RunFacts } from './types.js';
import { eventsFile, stepLogName, stepsDir } from '../journal/run-dir.js';

/** How many last lines of each step log the rules get. */
export const STEP_LOG_LINES = 40;

/** RunFacts of `runDir` (no journal: no events); `target` as the env runs it. */
export function readRunFacts(
  runDir: string | undefined,
  env: Env | undefined,
  target: 'kind' | 'podman',
  thrown?: EventError,
  warn?: JournalWarn,
): RunFacts {
  const events = runDir && existsSync(eventsFile(runDir)) ? readJournal(runDir, warn) : [];
  const started = events.find((e): e is Extract<TarmacEvent, { type: 'run.started' }> => e.type === 'run.started');
  const facts: RunFacts = { events, stepLogs: runDir ? stepLogs(runDir, started?.steps.map((s) => s.id) ?? []) : {} };
  const runId = events[0]?.runId;
  if (runId) facts.runId = runId;
  if (started) facts.command = started.command;
  if (env) {
    facts.env = {
      name: env.name,
      clusterName: env.cluster.name,
      target,
      ...(env.cluster.kindConfig ? { kindConfig: env.cluster.kindConfig } : {}),
      ...(env.registry?.url ? { registryUrl: env.registry.url } : {}),
    };
  }
  if (thrown) facts.thrown = thrown;
  return facts;
}

/** The last lines of every steps/*.log, keyed by step id (the file name when no step id maps to it). */
export function stepLogs(runDir: string, stepIds: readonly string[]): Record<string, string[]> {
  const dir = stepsDir(runDir);
  if (!existsSync(dir)) return {};
  const byFile = new Map(stepIds.map((id) => [stepLogName(id), id]));
  const out: Record<string, string[]> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    out[byFile.get(file) ?? file.slice(0, -'.log'.length)] = lines.slice(-STEP_LOG_LINES);
  }
  return out;
}
