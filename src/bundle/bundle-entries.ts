// What a run's bundle holds, and where each part comes from: files of the run directory, the JUnit
// file, the config, and reports generated when the run has none. Reads the file tree; writes nothing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RUN_FILES } from '../journal/run-dir.js';

/** One file in the bundle: copied from `source`, or `content` generated for it. */
export interface BundleEntry {
  /** Path inside the bundle, e.g. `steps/build_api.log`. */
  name: string;
  source?: string;
  content?: string;
}

/** The parts of the run dir layout (src/journal/run-dir.ts) a bundle carries; `dir` parts are taken whole. */
export const BUNDLE_PARTS: readonly { name: string; dir?: boolean; why: string }[] = [
  { name: RUN_FILES.events, why: 'the journal' },
  { name: RUN_FILES.owner, why: 'the journal' },
  { name: RUN_FILES.steps, dir: true, why: 'step logs' },
  { name: RUN_FILES.triageJson, why: 'triage' },
  { name: RUN_FILES.triageMarkdown, why: 'triage' },
  { name: RUN_FILES.reportMarkdown, why: 'report' },
  { name: RUN_FILES.reportHtml, why: 'report' },
  { name: RUN_FILES.junit, why: 'JUnit results' },
  { name: RUN_FILES.evidence, dir: true, why: 'triage evidence' },
  { name: RUN_FILES.kindLogs, dir: true, why: 'kind export logs' },
];

export interface PlannedBundle {
  entries: BundleEntry[];
  /** Parts the run does not have, with why they matter: listed in MANIFEST.txt. */
  missing: string[];
}

export interface PlanBundleInput {
  runDir: string;
  /** tarmac.yaml, bundled as config/<name> (redacted like everything else). */
  configFile?: string;
  /** The config's test.junit, used when the run dir holds no junit.xml copy. */
  junitFile?: string;
  /** Reports generated for a run that has none (report.md / report.html), by name. */
  generated?: Record<string, string>;
}

/** Lists what to pack for the run in `runDir`. */
export function planBundle(input: PlanBundleInput): PlannedBundle {
  const entries: BundleEntry[] = [];
  const missing: string[] = [];
  for (const part of BUNDLE_PARTS) {
    const path = join(input.runDir, part.name);
    if (existsSync(path)) {
      if (part.dir) entries.push(...walk(path).map((file) => ({ name: relative(input.runDir, file), source: file })));
      else entries.push({ name: part.name, source: path });
      continue;
    }
    const generated = input.generated?.[part.name];
    if (generated !== undefined) entries.push({ name: part.name, content: generated });
    else if (part.name === RUN_FILES.junit && input.junitFile !== undefined && existsSync(input.junitFile))
      entries.push({ name: part.name, source: input.junitFile });
    else missing.push(`${part.name}${part.dir ? '/' : ''} (${part.why})`);
  }
  if (input.configFile !== undefined && existsSync(input.configFile))
    entries.push({ name: 'config/tarmac.yaml', source: input.configFile });
  return { entries, missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) out.push(...walk(path));
    else if (stat?.isFile()) out.push(path);
  }
  return out;
}
