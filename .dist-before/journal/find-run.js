import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { eventsFile, runDir, runsRoot } from "./run-dir.js";
function listRuns(stateDir) {
  const root = runsRoot(stateDir);
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((id) => existsSync(eventsFile(runDir(stateDir, id)))).sort().reverse();
}
function resolveRun(stateDir, run, cwd) {
  const root = runsRoot(stateDir);
  const runs = listRuns(stateDir);
  if (run === void 0) {
    const latest = runs[0];
    if (latest === void 0) throw notFound(root, runs, "there are no runs yet");
    return { runId: latest, dir: runDir(stateDir, latest) };
  }
  const asPath = resolve(cwd, run);
  if (run.includes("/") && existsSync(eventsFile(asPath)) && statSync(asPath).isDirectory())
    return { runId: basename(asPath), dir: asPath };
  if (runs.includes(run)) return { runId: run, dir: runDir(stateDir, run) };
  const matches = runs.filter((id) => id.startsWith(run));
  if (matches.length === 1 && matches[0] !== void 0) return { runId: matches[0], dir: runDir(stateDir, matches[0]) };
  if (matches.length > 1) throw notFound(root, matches, `\`${run}\` matches ${matches.length} runs`);
  throw notFound(root, runs, `no run \`${run}\``);
}
function notFound(root, runs, why) {
  const latest = runs.slice(0, 5);
  return new TarmacError("RUN_NOT_FOUND", `${why} in ${root}`, {
    exitCode: ExitCode.usage,
    details: latest.length > 0 ? ["latest runs:", ...latest.map((id) => `  ${id}`)] : [],
    hint: latest.length > 0 ? `Name one of the runs above (an id prefix is enough), or leave RUN out for the latest (${latest[0] ?? ""}).` : "Run `tarmac build`, `tarmac up` or `tarmac test` first; each writes a run there. Use -f to point at another tarmac.yaml."
  });
}
export {
  listRuns,
  resolveRun
};
//# sourceMappingURL=find-run.js.map
