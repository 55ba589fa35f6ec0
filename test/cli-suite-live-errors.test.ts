// `test`, `logs` and `doctor --suite NAME` refuse an unknown suite (or a file without suites) through main() in this
// process, before the engine is asked anything or anything is written: exit 2, the suites the file has.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { repoRoot } from './support/tarmac-cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of examples/<names> under one temp dir; returns the dir of the last. */
function copy(...names: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'tarmac-cli-suite-live-'));
  made.push(root);
  for (const name of names)
    cpSync(join(repoRoot, 'examples', name), join(root, name), {
      recursive: true,
      filter: (src) => !src.includes('/.tarmac'),
    });
  return join(root, names.at(-1)!);
}

// `logs` takes the config file as --file (its -f is --follow).
const commands = [
  ['test', '-f'],
  ['logs', '--file'],
  ['doctor', '-f'],
] as const;

describe('--suite NAME on a live suite', () => {
  it('refuses a suite the file does not define, naming the close one and the others', async () => {
    const dir = copy('aianalysis', 'suites');
    // An empty PATH: had any command reached the engine, it would have failed otherwise (exit 3).
    for (const [command, fileFlag] of commands) {
      const r = await runCli([command, '--suite', 'flet', fileFlag, join(dir, 'tarmac.yaml')], dir, { PATH: '' });
      expect(r.code, `${command}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr).toContain('UNKNOWN_SUITE');
      expect(r.stderr).toContain('unknown suite "flet"');
      expect(r.stderr).toContain('Did you mean `fleet`? Suites in this file: storage, pipeline, fleet.');
      expect(existsSync(join(dir, '.tarmac')), `${command} wrote .tarmac/`).toBe(false);
    }
  });

  it('refuses --suite on a file without suites', async () => {
    const dir = copy('aianalysis');
    for (const [command, fileFlag] of commands) {
      const r = await runCli([command, '--suite', 'fleet', fileFlag, join(dir, 'tarmac.yaml')], dir, { PATH: '' });
      expect(r.code, `${command}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr).toContain('NO_SUITES');
      expect(existsSync(join(dir, '.tarmac')), `${command} wrote .tarmac/`).toBe(false);
    }
  });
});
