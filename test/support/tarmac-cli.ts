// Runs the built tarmac CLI (dist/) as a real process, and makes throwaway copies of projects for e2e tests.
import { execa, type ResultPromise } from 'execa';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parse, stringify } from 'yaml';
import { SHARED_WORK } from './shared-images.js';

export const repoRoot = new URL('../..', import.meta.url).pathname;
export const tarmacBin = join(repoRoot, 'bin', 'tarmac.js');

/** Starts `tarmac ARGS` without waiting; never rejects on a non-zero exit. */
export function startTarmac(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): ResultPromise<{ reject: false; all: true }> {
  return execa('node', [tarmacBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { CI: 'true', ...options.env },
    reject: false,
    all: true,
  });
}

/** Runs `tarmac ARGS` to completion. */
export async function runTarmac(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return await startTarmac(args, options);
}

/** A unique, lowercase env name for one test. */
export function uniqueEnvName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/**
 * Copies a project directory to a temp dir, renames its env and lets the test edit the config.
 * A nonce file in every image context makes every content tag unique to this copy: the copy's builds are
 * cold, and no other test file sees its images as cached (or removes them while this one uses them).
 */
export function copyProject(
  source: string,
  envName: string,
  edit: (config: Record<string, unknown>) => void = () => {},
): string {
  return copyWith(source, envName, edit, true);
}

// The copy, with or without the nonce in each image context.
function copyWith(
  source: string,
  envName: string,
  edit: (config: Record<string, unknown>) => void,
  nonce: boolean,
): string {
  const dir = mkdtempSync(join(tmpdir(), `tarmac-${envName}-`));
  cpSync(source, dir, { recursive: true, filter: (src) => !src.includes('/.tarmac') });
  const file = join(dir, 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { images?: { context?: string }[] };
  config.name = envName;
  if (nonce)
    for (const image of config.images ?? [])
      writeFileSync(join(dir, image.context ?? '.', '.tarmac-test-nonce'), envName);
  edit(config);
  writeFileSync(file, stringify(config));
  return dir;
}

/** The JSON that `tarmac build --json` printed. */
export function parseJsonOutput(stdout: string): {
  runId: string;
  outcome: string;
  journal: string;
  images: { name: string; ref: string; state: string; error?: { code: string; message: string } }[];
} {
  return JSON.parse(stdout) as ReturnType<typeof parseJsonOutput>;
}

/** Sets the example's heavy build (holmesgpt-api) to `work` hashing rounds instead of the ~20 s default. */
export function setHeavyWork(config: Record<string, unknown>, work: number): void {
  const heavy = (config.images as { name: string; args?: Record<string, string> }[]).find(
    (i) => i.name === 'holmesgpt-api',
  );
  if (heavy) heavy.args = { ...heavy.args, WORK: String(work) };
}

/** A throwaway copy of examples/aianalysis (see copyProject) with a light heavy build, edited further by `edit`. */
export function copyExample(
  envName: string,
  work: number,
  edit: (config: Record<string, unknown>) => void = () => {},
): string {
  return copyProject(join(repoRoot, 'examples/aianalysis'), envName, (config) => {
    setHeavyWork(config, work);
    edit(config);
  });
}

/**
 * A copy of examples/aianalysis whose images are the shared ones the e2e global setup built (see
 * shared-images.ts): its builds are cache hits. `edit` may change anything but the images; for a cold build
 * (a test that watches builds run, or kills one) use copyExample.
 */
export function copySharedExample(envName: string, edit: (config: Record<string, unknown>) => void = () => {}): string {
  return copyWith(
    join(repoRoot, 'examples/aianalysis'),
    envName,
    (config) => {
      setHeavyWork(config, SHARED_WORK);
      const images = JSON.stringify(config.images);
      edit(config);
      // Different images would be built by this file under the shared tags' neighbours: another file's
      // cleanup could then remove them mid-test. Such a test wants copyExample.
      if (JSON.stringify(config.images) !== images) throw new Error('copySharedExample: edit must not change images');
    },
    false,
  );
}
