// Bundles one run of an env: plans the parts, generates the reports a run lacks (report module),
// and packs everything redacted with this env's secrets.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Env } from '../config/types.js';
import { makeRedactor } from '../redact/redactor.js';
import { secretValues } from '../redact/env-secrets.js';
import { loadRunReport } from '../report/run-report.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { planBundle } from './bundle-entries.js';
import { writeBundle, type WrittenBundle } from './write-bundle.js';
import { RUN_FILES, reportFiles } from '../journal/run-dir.js';

export interface BundleRunInput {
  env: Env;
  runId: string;
  runDir: string;
  outFile: string;
  processEnv: NodeJS.ProcessEnv;
}

/** Where a run's bundle goes by default: $TARMAC_BUNDLE_DIR, else `<stateDir>/bundles`, as `<runId>.tar.gz`. */
export function defaultBundlePath(stateDir: string, runId: string, processEnv: NodeJS.ProcessEnv, cwd: string): string {
  const dir = processEnv.TARMAC_BUNDLE_DIR ? resolve(cwd, processEnv.TARMAC_BUNDLE_DIR) : join(stateDir, 'bundles');
  return join(dir, `${runId}.tar.gz`);
}

/** Writes the bundle of one run; returns what went in and what was missing. */
export async function bundleRun(input: BundleRunInput): Promise<WrittenBundle> {
  const redact = makeRedactor(secretValues(input.env, input.processEnv));
  const plan = planBundle({
    runDir: input.runDir,
    configFile: input.env.file,
    generated: missingReports(input, redact),
  });
  return writeBundle(input.runId, plan, input.outFile, redact);
}

// A run without report files (a success, or reports turned off) still gets them in its bundle.
function missingReports(input: BundleRunInput, redact: (t: string) => string): Record<string, string> {
  const reports = reportFiles(input.runDir);
  const wantMd = !existsSync(reports.markdown);
  const wantHtml = !existsSync(reports.html);
  if (!wantMd && !wantHtml) return {};
  try {
    const { model } = loadRunReport(input.runDir, input.runId, {});
    return {
      ...(wantMd ? { [RUN_FILES.reportMarkdown]: renderMarkdown(model, redact) } : {}),
      ...(wantHtml ? { [RUN_FILES.reportHtml]: renderHtml(model, redact) } : {}),
    };
  } catch {
    // Why swallow: the bundle matters most when things are broken; MANIFEST.txt lists the reports as missing.
    return {};
  }
}
