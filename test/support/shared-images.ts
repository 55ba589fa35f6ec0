// The example's images, built once per e2e run by the global setup and shared by every test file that
// only needs them to exist (copySharedExample). Tags are content-addressed, so a copy of the example with
// the same heavy work resolves to exactly these tags and finds them cached. They carry their own env label,
// which no test file cleans up; the next setup removes those an edit of the example has superseded.
import { execa } from 'execa';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABEL_ENV } from '../../src/engines/labels.js';

/** The env name (and so the io.tarmac.env label) of the shared images. */
export const SHARED_ENV = 'tarmac-e2e-shared';
/** The heavy build's rounds in the shared images (light: the test files do not measure the build). */
export const SHARED_WORK = 1;

// Where the setup leaves the shared refs for the test files (forked after it, so they read the file).
const refsFile = join(tmpdir(), `${SHARED_ENV}-refs.json`);

/** The shared images' references by image name, e.g. base -> localhost/base:tm-0123456789ab. */
export function sharedRefs(): Record<string, string> {
  return JSON.parse(readFileSync(refsFile, 'utf8')) as Record<string, string>;
}

/** Builds the shared images (cache hits when the store has them) and removes superseded ones. */
export async function buildSharedImages(): Promise<void> {
  // Imported here: tarmac-cli.ts imports SHARED_WORK from this module.
  const { copySharedExample, parseJsonOutput, runTarmac } = await import('./tarmac-cli.js');
  const dir = copySharedExample(SHARED_ENV);
  try {
    const r = await runTarmac(['build', '-f', join(dir, 'tarmac.yaml'), '--json']);
    if (r.exitCode !== 0) throw new Error(`building the shared example images failed (exit ${r.exitCode}):\n${r.all}`);
    const images = parseJsonOutput(r.stdout).images;
    writeFileSync(refsFile, JSON.stringify(Object.fromEntries(images.map((i) => [i.name, i.ref]))));
    const current = new Set(images.map((i) => i.ref));
    const listed = await execa('podman', [
      'images',
      '--filter',
      `label=${LABEL_ENV}=${SHARED_ENV}`,
      '--format',
      '{{.ID}} {{.Repository}}:{{.Tag}}',
    ]);
    const stale = listed.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' '))
      .filter(([, ref]) => !current.has(ref ?? ''))
      .map(([id]) => id ?? '');
    if (stale.length > 0) await execa('podman', ['rmi', '-f', '--ignore', ...new Set(stale)], { reject: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
