// A throwaway project directory for `tarmac validate` through main(): write files into it, run validate with a
// chosen environment (default: none, so `cluster.target: auto` finds no kind and means podman).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';

export interface ValidateDir {
  /** The directory (valid inside a test). */
  readonly dir: string;
  write(rel: string, text: string): void;
  validate(env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** A fresh directory per test, removed after it. */
export function validateDir(): ValidateDir {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tarmac-validate-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    write(rel, text) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    },
    async validate(env = {}) {
      let stdout = '';
      let stderr = '';
      const out = new PassThrough().on('data', (d: Buffer) => (stdout += d.toString()));
      const err = new PassThrough().on('data', (d: Buffer) => (stderr += d.toString()));
      const io: CliIo = { stdout: out, stderr: err, env, cwd: dir };
      const code = await main(['node', 'tarmac', 'validate'], io);
      return { code, stdout, stderr };
    },
  };
}
