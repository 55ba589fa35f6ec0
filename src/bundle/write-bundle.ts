// Writes a bundle: every text file redacted again into a staging dir, binary files left out,
// MANIFEST.txt listing contents, then one .tar.gz (node-tar) with a `tarmac-<runId>/` top dir.
import {
  chmodSync,
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create } from 'tar';
import type { Redactor } from '../redact/redactor.js';
import type { BundleEntry, PlannedBundle } from './bundle-entries.js';

export interface WrittenBundle {
  file: string;
  /** Bundle-relative names of the files packed (MANIFEST.txt included). */
  files: string[];
  missing: string[];
  /** Files left out because they are not text (they could not be redacted). */
  skipped: string[];
}

/** Packs `plan` into `outFile` (a .tar.gz); `redact` is applied to every file's text. */
export async function writeBundle(
  runId: string,
  plan: PlannedBundle,
  outFile: string,
  redact: Redactor,
  now = new Date(),
): Promise<WrittenBundle> {
  const top = `tarmac-${runId}`;
  const staging = mkdtempSync(join(tmpdir(), 'tarmac-bundle-'));
  try {
    const files: { name: string; bytes: number }[] = [];
    const skipped: string[] = [];
    for (const entry of plan.entries) {
      const text = textOf(entry);
      if (text === undefined) {
        skipped.push(entry.name);
        continue;
      }
      const data = redact(text);
      const target = join(staging, top, entry.name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data, { mode: 0o600 });
      files.push({ name: entry.name, bytes: Buffer.byteLength(data) });
    }
    writeFileSync(join(staging, top, 'MANIFEST.txt'), manifest(runId, now, files, plan.missing, skipped));
    mkdirSync(dirname(outFile), { recursive: true, mode: 0o700 });
    // portable: no uid/gid/user names of this machine in the archive.
    await create({ gzip: true, file: outFile, cwd: staging, portable: true }, [top]);
    chmodSync(outFile, 0o600);
    return { file: outFile, files: ['MANIFEST.txt', ...files.map((f) => f.name)], missing: plan.missing, skipped };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The file's text, or undefined when it looks binary (a NUL byte in its first 8 KiB). */
function textOf(entry: BundleEntry): string | undefined {
  if (entry.content !== undefined) return entry.content;
  if (entry.source === undefined) return undefined;
  // O_NOFOLLOW: a file swapped for a symlink after planning is refused here rather than read through.
  const fd = openSync(entry.source, constants.O_RDONLY | constants.O_NOFOLLOW);
  let bytes: Buffer;
  try {
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  return bytes.toString('utf8');
}

function manifest(
  runId: string,
  now: Date,
  files: { name: string; bytes: number }[],
  missing: string[],
  skipped: string[],
): string {
  const lines = [
    `tarmac bundle of run ${runId}, written ${now.toISOString()}`,
    'Every file was redacted again (known secret values and token patterns) before packing.',
    '',
    'files:',
  ];
  for (const f of files) lines.push(`  ${f.name} (${f.bytes} bytes)`);
  lines.push('', 'missing (the run has none):', ...(missing.length > 0 ? missing.map((m) => `  ${m}`) : ['  (none)']));
  if (skipped.length > 0) lines.push('', 'left out (binary, cannot be redacted):', ...skipped.map((s) => `  ${s}`));
  return `${lines.join('\n')}\n`;
}
