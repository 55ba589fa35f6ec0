// Startup reconciliation: before a run plans anything, find what earlier runs of this env left behind
// when their tarmac was killed or crashed, clean what can be attributed to them, report the rest, and
// say so through the event stream (an `incident` per abandoned run, a `decision` line per thing).
import { basename } from 'node:path';
import type { ContainerEngine } from '../engines/types.js';
import type { EventBus } from '../events/bus.js';
import type { CommandRunner } from '../exec/types.js';
import { TarmacError } from '../errors/errors.js';
import { markAbandoned, type AbandonedRun } from './abandon.js';
import { runBuildTraces } from './build-traces.js';
import { systemProcessProbe, type ProcessProbe } from './liveness.js';
import { removeRunDirs, runsBeyondKeep } from './retention.js';
import { scanRuns, type RunRecord } from './runs.js';
import { crashedPodContainers, describeHalfCreated, halfCreatedClusters } from '../targets/leftovers.js';
import { sweepTempFiles, tempFileRun } from './temp-files.js';
import { authDirPid, sweepAuthDirs } from './auth-dirs.js';
import { liveBuildStarts } from './live-builds.js';
import { settledRuns, settleRuns, unsettled } from './settled.js';
import {
  attributeContainers,
  fromEnvImage,
  listWorkingContainers,
  type Attribution,
  type SuspectRun,
  type WorkingContainer,
} from './working-containers.js';

export interface ReconcileDeps {
  stateDir: string;
  envName: string;
  /** The env's image names, to recognise working containers made from its images. */
  imageNames: readonly string[];
  /** The run doing the reconciling (never touched). */
  runId: string;
  engine: ContainerEngine;
  runner: CommandRunner;
  bus: EventBus;
  signal?: AbortSignal;
  probe?: ProcessProbe;
  /** Where runs put temp files (default os.tmpdir()). */
  tmpDir?: string;
  now?: () => number;
  /** Start times of the builds running on this host (default: from /proc); tests pass their own. */
  liveBuildStarts?: () => number[];
  /** How many runs keep their directory, the current one included (disk.prune.keepRuns); absent: all. */
  keepRuns?: number;
}

// podman creates a build's first working container a moment after the process starts; clocks differ by ticks.
const BUILD_START_SLACK_MS = 1_000;

export interface ReconcileReport {
  abandoned: AbandonedRun[];
  removedContainers: Attribution[];
  removedFiles: string[];
  /** Runs whose directories were removed (disk.prune.keepRuns). */
  removedRuns: string[];
  /** Lines about things found and left alone. */
  reported: string[];
  /** Checks that could not be made, with why. */
  problems: string[];
}

/** Cleans the leftovers of dead runs of this env and tells the user; never throws. */
export async function reconcile(deps: ReconcileDeps): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    abandoned: [],
    removedContainers: [],
    removedFiles: [],
    removedRuns: [],
    reported: [],
    problems: [],
  };
  const now = deps.now ?? Date.now;
  const probe = deps.probe ?? systemProcessProbe();
  const say = (message: string): void => void deps.bus.emit({ type: 'decision', message: `reconcile: ${message}` });
  const attempt = async (what: string, work: () => Promise<void>): Promise<void> => {
    if (deps.signal?.aborted) return;
    try {
      await work();
    } catch (error) {
      // Cancelled by Ctrl-C: not a finding worth a line.
      if (deps.signal?.aborted) return;
      const line = `could not ${what}: ${errorText(error)}`;
      report.problems.push(line);
      say(line);
    }
  };

  let runs: RunRecord[] = [];
  let dead: RunRecord[] = [];
  await attempt('read the earlier runs', async () => {
    runs = scanRuns(deps.stateDir, deps.runId, probe);
    dead = runs.filter((r) => r.liveness.state === 'dead');
    for (const run of dead.filter((r) => !r.finished)) {
      const found = markAbandoned(run, deps.runId, now());
      report.abandoned.push(found);
      deps.bus.emit({
        type: 'incident',
        kind: 'reconciled',
        cause: { type: 'abandoned', runId: found.id, pid: found.pid, command: found.command },
        stepIds: [],
        message: `run ${found.id} (tarmac ${found.command}) did not finish: ${found.why}`,
        evidence: [
          `last written ${new Date(found.lastSignAt).toISOString()}${found.lastEvent ? `, last event ${found.lastEvent.type}` : ''}`,
          ...(found.running.length > 0 ? [`steps running when it stopped: ${found.running.join(', ')}`] : []),
        ],
        action: `marked it abandoned in its journal (${run.dir}); cleaning what it left`,
      });
    }
  });
  const deadIds = new Set(dead.map((r) => r.id));
  const abandonedIds = new Set(report.abandoned.map((r) => r.id));

  await attempt('remove temp files of dead runs', async () => {
    const removed = await sweepTempFiles(deadIds, deps.tmpDir);
    report.removedFiles.push(...removed);
    for (const path of removed) say(`removed temp file ${path} (left by run ${tempFileRun(basename(path)) ?? '?'})`);
    const authDirs = await sweepAuthDirs((pid) => probe.exists(pid), deps.tmpDir);
    report.removedFiles.push(...authDirs);
    for (const path of authDirs)
      say(`removed registry auth dir ${path} (its tarmac, pid ${authDirPid(basename(path)) ?? '?'}, is gone)`);
  });

  // Asking the engine costs a call (a second and more on a busy host): only for a dead run not yet checked that may
  // have killed a build. `checked` stays false when the check failed or left something alone: the next pass looks again.
  const toCheck = unsettled(dead, settledRuns(deps.stateDir));
  let checked = false;
  await attempt('check for build containers left by killed builds', async () => {
    if (toCheck.length === 0) return;
    const containers = await listWorkingContainers(deps.engine, deps.signal);
    checked = containers.length === 0;
    if (containers.length === 0) return;
    const found = attributeContainers(containers, suspects(dead, containers));
    // A build running now that started before a container was made may be using it: identical content built by
    // another env has the same layers as the dead run's log, so the log alone cannot tell them apart.
    const builds = (deps.liveBuildStarts ?? liveBuildStarts)();
    const inUse = (c: WorkingContainer) => builds.some((start) => start <= c.createdAt + BUILD_START_SLACK_MS);
    const attributed = found.attributed.filter((a) => !inUse(a.container));
    for (const a of found.attributed.filter((x) => inUse(x.container))) {
      const line = `left alone buildah working container ${a.container.name}: a build still running on this host may be using it (${a.why}); once no build runs: podman rm --force ${a.container.name}`;
      report.reported.push(line);
      say(line);
    }
    const { unattributed } = found;
    let leftAlone = found.attributed.length - attributed.length;
    if (attributed.length > 0)
      await deps.engine.removeContainers(
        attributed.map((a) => a.container.id),
        deps.signal,
      );
    report.removedContainers.push(...attributed);
    for (const a of attributed) say(`removed buildah working container ${a.container.name} (${a.why})`);
    for (const c of unattributed.filter((u) => fromEnvImage(u, deps.imageNames))) {
      const line = `left alone buildah working container ${c.name} (from ${c.image}): no dead run of ${deps.envName} accounts for it; once no build uses it: podman rm --force ${c.name}`;
      report.reported.push(line);
      say(line);
      leftAlone++;
    }
    checked = leftAlone === 0;
  });
  if (checked)
    settleRuns(
      deps.stateDir,
      dead.map((r) => r.id),
    );

  await attempt('remove the directories of old runs', async () => {
    if (deps.keepRuns === undefined) return;
    // A run goes only once nothing more is to be learnt from it: it succeeded, or its leftovers were checked.
    const settled = checked ? deadIds : settledRuns(deps.stateDir);
    const removed = removeRunDirs(runsBeyondKeep(runs, deps.keepRuns, (r) => r.succeeded || settled.has(r.id)));
    report.removedRuns.push(...removed);
    if (removed.length > 0)
      say(
        `removed the directories of ${removed.length} finished run(s) beyond the newest ${deps.keepRuns} (disk.prune.keepRuns), ${removed[0]}${removed.length > 1 ? ` to ${removed.at(-1)}` : ''}; their history stays`,
      );
  });

  await attempt('check kind clusters of dead runs', async () => {
    for (const record of await halfCreatedClusters(deps.stateDir, deps.envName, deadIds)) {
      const line = describeHalfCreated(record);
      report.reported.push(line);
      say(line);
    }
  });

  await attempt('check podman pods of abandoned runs', async () => {
    for (const c of await crashedPodContainers(deps.engine, deps.envName, abandonedIds, deps.signal)) {
      const line = `container ${c.name} of the env's podman pods (started by abandoned run ${c.runId}) has ${c.state}; up replaces it`;
      report.reported.push(line);
      say(line);
    }
  });
  return report;
}

// Only dead runs that lived when some container was created need their build logs read.
function suspects(dead: readonly RunRecord[], containers: readonly WorkingContainer[]): SuspectRun[] {
  const oldest = Math.min(...containers.map((c) => c.createdAt));
  return dead
    .filter((r) => r.lastSignAt + 60_000 >= oldest)
    .map((r) => ({ id: r.id, startedAt: r.owner.startedAt, lastSignAt: r.lastSignAt, traces: runBuildTraces(r.dir) }));
}

// The message plus the command's last output line, which usually says why (e.g. `server probably quit`).
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const last = error instanceof TarmacError ? error.details.at(-1) : undefined;
  return last === undefined ? error.message : `${error.message} (${last.trim()})`;
}
