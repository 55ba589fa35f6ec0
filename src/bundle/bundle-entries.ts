// What a run's bundle holds, and where each part comes from: regular files of the run directory (JUnit from
// tarmac's own redacted copy there), the config, and reports generated when the run has none. Reads the file tree
// with lstat: a symlink planted in a run dir is never followed, so nothing outside the run dir gets packed.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
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
  /** Reports generated for a run that has none (report.md / report.html), by name. */
  generated?: Record<string, string>;
}

/** Lists what to pack for the run in `runDir`. */
export function planBundle(input: PlanBundleInput): PlannedBundle {
  const entries: BundleEntry[] = [];
  const missing: string[] = [];
  for (const part of BUNDLE_PARTS) {
    const path = join(input.runDir, part.name);
    const kind = kindOf(path);
    if (kind === (part.dir ? 'dir' : 'file')) {
      if (part.dir) entries.push(...walk(path).map((file) => ({ name: relative(input.runDir, file), source: file })));
      else entries.push({ name: part.name, source: path });
      continue;
    }
    const generated = input.generated?.[part.name];
    if (generated !== undefined && kind === 'none') entries.push({ name: part.name, content: generated });
    else missing.push(`${part.name}${part.dir ? '/' : ''} (${part.why})`);
  }
  if (input.configFile !== undefined && existsSync(input.configFile))
    entries.push({ name: 'config/tarmac.yaml', source: input.configFile });
  return { entries, missing };
}

/** What is at `path` without following a symlink: a symlink (or a socket, a fifo) is `other`, never packed. */
export function kindOf(path: string): 'file' | 'dir' | 'other' | 'none' {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return 'none';
  return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other';
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const kind = kindOf(path);
    if (kind === 'dir') out.push(...walk(path));
    else if (kind === 'file') out.push(path);
  }
  return out;
}
