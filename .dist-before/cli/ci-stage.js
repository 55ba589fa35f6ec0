import { appendFileSync, existsSync } from "node:fs";
import { basename, relative } from "node:path";
import { renderAnnotations } from "../ci/annotations.js";
import { ciMode } from "../ci/detect.js";
import { loadCiRun } from "../ci/load-ci-run.js";
import { renderSummary } from "../ci/summary.js";
import { reportFiles, triageFiles } from "../journal/run-dir.js";
import { safeText } from "../ui/safe-text.js";
async function ciStage(input) {
  const { session, io } = input;
  const mode = ciMode(io.env, session.ci);
  if (!mode.ci) return;
  const out = input.json ? io.stderr : io.stdout;
  const { redact } = session;
  const repoRoot = io.env.GITHUB_WORKSPACE || io.cwd;
  const shown = (path) => {
    const rel = relative(repoRoot, path);
    return rel === "" || rel.startsWith("..") ? path : rel;
  };
  const runId = session.bus.runId;
  const runDir = session.journal.dir;
  const links = [];
  const reports = reportFiles(runDir);
  for (const path of [reports.html, reports.markdown, triageFiles(runDir).markdown])
    if (existsSync(path)) links.push({ label: basename(path), path: shown(path) });
  if (input.outcome === "failed") {
    try {
      const { bundleRun, defaultBundlePath } = await import("../bundle/bundle-run.js");
      const file = defaultBundlePath(session.env.stateDir, runId, io.env, io.cwd);
      await bundleRun({ env: session.env, runId, runDir, outFile: file, processEnv: io.env });
      links.push({ label: "bundle", path: shown(file) });
      out.write(`bundle: ${safeText(file)}
`);
    } catch (err) {
      out.write(`bundle: not written: ${safeText(redact(firstLine(err)))}
`);
    }
  }
  try {
    const run = loadCiRun({
      runDir,
      runId,
      configFile: session.env.file,
      repoRoot,
      links,
      ...session.env.test?.junit ? { junitFile: session.env.test.junit } : {},
      ...session.env.test?.cwd ? { testCwd: session.env.test.cwd } : {}
    });
    for (const line of renderAnnotations(run, mode.github)) out.write(`${safeText(redact(line))}
`);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendFileSync(summaryFile, redact(renderSummary(run)));
  } catch (err) {
    out.write(`ci: annotations and summary not written: ${safeText(redact(firstLine(err)))}
`);
  }
}
function firstLine(err) {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
}
export {
  ciStage
};
//# sourceMappingURL=ci-stage.js.map
