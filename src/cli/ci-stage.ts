// The CI stage of after-run: under CI=true or --ci, a failed run is bundled, annotations are printed
// (GitHub Actions workflow commands when GITHUB_ACTIONS=true, plain lines elsewhere), and the job
// summary is appended to $GITHUB_STEP_SUMMARY when set.
import { appendFileSync, existsSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { renderAnnotations } from '../ci/annotations.js';
import type { CiRun } from '../ci/ci-run.js';
import { ciMode } from '../ci/detect.js';
import { loadCiRun } from '../ci/load-ci-run.js';
import { renderSummary } from '../ci/summary.js';
import { reportFiles, triageFiles } from '../journal/run-dir.js';
import type { AfterRunInput } from './after-run-input.js';
import { safeText } from '../ui/safe-text.js';

/** Runs the CI outputs after a run; prints a one-line note instead of throwing. */
export async function ciStage(input: AfterRunInput): Promise<void> {
  const { session, io } = input;
  const mode = ciMode(io.env, session.ci);
  if (!mode.ci) return;
  // Under --json stdout is the JSON document; GitHub reads workflow commands from stderr too.
  const out = input.json ? io.stderr : io.stdout;
  const { redact } = session;
  const repoRoot = io.env.GITHUB_WORKSPACE || io.cwd;
  // Inside the repository: relative (what a reader of the job sees); outside it: absolute.
  const shown = (path: string) => {
    const rel = relative(repoRoot, path);
    return rel === '' || rel.startsWith('..') ? path : rel;
  };
  const runId = session.bus.runId;
  const runDir = session.journal.dir;
  const links: CiRun['links'] = [];
  const reports = reportFiles(runDir);
  for (const path of [reports.html, reports.markdown, triageFiles(runDir).markdown])
    if (existsSync(path)) links.push({ label: basename(path), path: shown(path) });
  if (input.outcome === 'failed') {
    try {
      // Loaded only for a failed run (node-tar and the bundle's readers).
      const { bundleRun, defaultBundlePath } = await import('../bundle/bundle-run.js');
      const file = defaultBundlePath(session.env.stateDir, runId, io.env, io.cwd);
      await bundleRun({ env: session.env, runId, runDir, outFile: file, processEnv: io.env });
      links.push({ label: 'bundle', path: shown(file) });
      out.write(`bundle: ${safeText(file)}\n`);
    } catch (err) {
      out.write(`bundle: not written: ${safeText(redact(firstLine(err)))}\n`);
    }
  }
  try {
    const run = loadCiRun({
      runDir,
      runId,
      events: session.bus.history,
      configFile: session.env.file,
      repoRoot,
      links,
      ...(session.env.test?.junit ? { junitFile: session.env.test.junit } : {}),
      ...(session.env.test?.cwd ? { testCwd: session.env.test.cwd } : {}),
    });
    // Annotations quote test names and messages; they are also printed on the job's log, a terminal of sorts.
    for (const line of renderAnnotations(run, mode.github)) out.write(`${safeText(redact(line))}\n`);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendFileSync(summaryFile, redact(renderSummary(run)));
  } catch (err) {
    out.write(`ci: annotations and summary not written: ${safeText(redact(firstLine(err)))}\n`);
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
