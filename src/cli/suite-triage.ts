// Per-suite triage after a multi-suite run: each failed suite gets its own journal (the run's events of the shared
// builds and of that suite's steps), triaged against that suite's own clusters, written to runs/<id>/suites/<suite>/.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { suiteClusterEnv } from '../config/suite-env.js';
import type { Env } from '../config/types.js';
import { runCommand } from '../exec/run-command.js';
import { PRIVATE_FILE_MODE } from '../files/private.js';
import type { TarmacEvent } from '../events/types.js';
import { journalLine } from '../journal/line.js';
import { readJournal } from '../journal/reader.js';
import { eventsFile, stepsDir } from '../journal/run-dir.js';
import type { SuiteResult } from '../orchestrate/suite-results.js';
import { suiteClusterOfStep, suiteTestStepId } from '../plan/suites-plan.js';
import { triageRun } from '../triage/triage-run.js';
import { safeText } from '../ui/safe-text.js';
import type { CliIo } from './io.js';
import type { Session } from './session.js';

/** One line per failed suite: its top verdict (or why there is none). Never throws. */
export async function triageSuites(
  session: Session,
  io: CliIo,
  results: readonly SuiteResult[],
): Promise<Map<string, string>> {
  const verdicts = new Map<string, string>();
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    for (const result of results.filter((r) => r.outcome === 'failed')) {
      try {
        const failedStepIds = writeSuiteJournal(session.journal.dir, result);
        const [env, ...siblings] = suiteEnvs(session.env, result.name, failedStepIds);
        const triage = await triageRun({
          env: env!,
          siblings,
          engine: session.engine,
          runner: runCommand,
          runDir: result.dir,
          signal: controller.signal,
          processEnv: io.env,
          redact: session.redact,
        });
        const top = triage.verdicts[0];
        verdicts.set(
          result.name,
          top ? top.title : `unclassified: ${triage.unclassified?.summary ?? 'no rule matched'}`,
        );
      } catch (error) {
        verdicts.set(result.name, `triage failed: ${safeText(error instanceof Error ? error.message : String(error))}`);
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
  }
  return verdicts;
}

// The envs triage inspects, every cluster of the suite: first the cluster whose step failed first (`cluster:`,
// `deliver:` and `deploy:` steps name it, e.g. `deploy:fleet/spoke/apps`), else the suite's first cluster, the one
// its test ran with; then the others, whose state may explain the failure (a hub the spoke could not reach).
function suiteEnvs(env: Env, name: string, failedStepIds: readonly string[]): Env[] {
  const suite = env.suites!.find((s) => s.name === name)!;
  const named = failedStepIds.map((id) => suiteClusterOfStep(id, name)).find((c) => c !== undefined);
  const first = suite.clusters.find((c) => c.name === named) ?? suite.clusters[0]!;
  return [first, ...suite.clusters.filter((c) => c !== first)].map((c) => suiteClusterEnv(env, suite, c));
}

// The run's journal narrowed to the builds and this suite's steps; the step logs are the run's own (a link).
// Returns the ids of the suite's failed steps, in the order they failed.
function writeSuiteJournal(runDir: string, result: SuiteResult): string[] {
  mkdirSync(result.dir, { recursive: true });
  const events = readJournal(runDir);
  const planned = events.find((e) => e.type === 'run.started')?.steps ?? [];
  const mine = (id: string) => id === suiteTestStepId(result.name) || suiteClusterOfStep(id, result.name) !== undefined;
  // The suite's steps and every step they need (its builds), not the other suites' builds.
  const own = new Set(planned.filter((s) => mine(s.id)).map((s) => s.id));
  for (let grew = true; grew;) {
    grew = false;
    for (const step of planned)
      if (own.has(step.id))
        for (const dep of step.deps)
          if (!own.has(dep)) {
            own.add(dep);
            grew = true;
          }
  }
  const kept = events.flatMap((event): TarmacEvent[] => {
    if (event.type === 'run.started') return [{ ...event, steps: planned.filter((s) => own.has(s.id)) }];
    return !('stepId' in event) || event.stepId === undefined || own.has(event.stepId) ? [event] : [];
  });
  writeFileSync(eventsFile(result.dir), kept.map(journalLine).join(''), { mode: PRIVATE_FILE_MODE });
  if (!existsSync(stepsDir(result.dir)) && existsSync(stepsDir(runDir)))
    symlinkSync(stepsDir(runDir), stepsDir(result.dir));
  return kept.flatMap((e) => (e.type === 'step.finished' && e.state === 'failed' ? [e.stepId] : []));
}
