import { basename } from "node:path";
import { TarmacError } from "../errors/errors.js";
import { markAbandoned } from "./abandon.js";
import { runBuildTraces } from "./build-traces.js";
import { systemProcessProbe } from "./liveness.js";
import { scanRuns } from "./runs.js";
import { crashedPodContainers, describeHalfCreated, halfCreatedClusters } from "../targets/leftovers.js";
import { sweepTempFiles, tempFileRun } from "./temp-files.js";
import { authDirPid, sweepAuthDirs } from "./auth-dirs.js";
import { liveBuildStarts } from "./live-builds.js";
import { settledRuns, settleRuns, unsettled } from "./settled.js";
import {
  attributeContainers,
  fromEnvImage,
  listWorkingContainers
} from "./working-containers.js";
const BUILD_START_SLACK_MS = 1e3;
async function reconcile(deps) {
  const report = {
    abandoned: [],
    removedContainers: [],
    removedFiles: [],
    reported: [],
    problems: []
  };
  const now = deps.now ?? Date.now;
  const probe = deps.probe ?? systemProcessProbe();
  const say = (message) => void deps.bus.emit({ type: "decision", message: `reconcile: ${message}` });
  const attempt = async (what, work) => {
    if (deps.signal?.aborted) return;
    try {
      await work();
    } catch (error) {
      if (deps.signal?.aborted) return;
      const line = `could not ${what}: ${errorText(error)}`;
      report.problems.push(line);
      say(line);
    }
  };
  let dead = [];
  await attempt("read the earlier runs", async () => {
    dead = scanRuns(deps.stateDir, deps.runId, probe).filter((r) => r.liveness.state === "dead");
    for (const run of dead.filter((r) => !r.finished)) {
      const found = markAbandoned(run, deps.runId, now());
      report.abandoned.push(found);
      deps.bus.emit({
        type: "incident",
        kind: "reconciled",
        cause: { type: "abandoned", runId: found.id, pid: found.pid, command: found.command },
        stepIds: [],
        message: `run ${found.id} (tarmac ${found.command}) did not finish: ${found.why}`,
        evidence: [
          `last written ${new Date(found.lastSignAt).toISOString()}${found.lastEvent ? `, last event ${found.lastEvent.type}` : ""}`,
          ...found.running.length > 0 ? [`steps running when it stopped: ${found.running.join(", ")}`] : []
        ],
        action: `marked it abandoned in its journal (${run.dir}); cleaning what it left`
      });
    }
  });
  const deadIds = new Set(dead.map((r) => r.id));
  const abandonedIds = new Set(report.abandoned.map((r) => r.id));
  await attempt("remove temp files of dead runs", async () => {
    const removed = await sweepTempFiles(deadIds, deps.tmpDir);
    report.removedFiles.push(...removed);
    for (const path of removed) say(`removed temp file ${path} (left by run ${tempFileRun(basename(path)) ?? "?"})`);
    const authDirs = await sweepAuthDirs((pid) => probe.exists(pid), deps.tmpDir);
    report.removedFiles.push(...authDirs);
    for (const path of authDirs)
      say(`removed registry auth dir ${path} (its tarmac, pid ${authDirPid(basename(path)) ?? "?"}, is gone)`);
  });
  const toCheck = unsettled(dead, settledRuns(deps.stateDir));
  let checked = false;
  await attempt("check for build containers left by killed builds", async () => {
    if (toCheck.length === 0) return;
    const containers = await listWorkingContainers(deps.engine, deps.signal);
    checked = containers.length === 0;
    if (containers.length === 0) return;
    const found = attributeContainers(containers, suspects(dead, containers));
    const builds = (deps.liveBuildStarts ?? liveBuildStarts)();
    const inUse = (c) => builds.some((start) => start <= c.createdAt + BUILD_START_SLACK_MS);
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
        deps.signal
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
      dead.map((r) => r.id)
    );
  await attempt("check kind clusters of dead runs", async () => {
    for (const record of await halfCreatedClusters(deps.stateDir, deps.envName, deadIds)) {
      const line = describeHalfCreated(record);
      report.reported.push(line);
      say(line);
    }
  });
  await attempt("check podman pods of abandoned runs", async () => {
    for (const c of await crashedPodContainers(deps.engine, deps.envName, abandonedIds, deps.signal)) {
      const line = `container ${c.name} of the env's podman pods (started by abandoned run ${c.runId}) has ${c.state}; up replaces it`;
      report.reported.push(line);
      say(line);
    }
  });
  return report;
}
function suspects(dead, containers) {
  const oldest = Math.min(...containers.map((c) => c.createdAt));
  return dead.filter((r) => r.lastSignAt + 6e4 >= oldest).map((r) => ({ id: r.id, startedAt: r.owner.startedAt, lastSignAt: r.lastSignAt, traces: runBuildTraces(r.dir) }));
}
function errorText(error) {
  if (!(error instanceof Error)) return String(error);
  const last = error instanceof TarmacError ? error.details.at(-1) : void 0;
  return last === void 0 ? error.message : `${error.message} (${last.trim()})`;
}
export {
  reconcile
};
//# sourceMappingURL=reconcile.js.map
