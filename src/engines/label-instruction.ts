// podman 4.3 (buildah 1.28) turns every `--label` into a LABEL step of its own, and with layer caching on each
// step is committed as an image: tarmac's five labels cost five commits per build (measured 0.5 s alone, about
// 2 s with two builds at once). One LABEL instruction appended to the Containerfile costs one commit.

import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Keys and values written unquoted: nothing the Containerfile parser would read as an escape, quote,
// variable or separator, whatever escape character the file declares.
const PLAIN = /^[A-Za-z0-9._/:@+-]+$/;

/**
 * The Containerfile with one `LABEL k=v ...` line at its end, for the final stage; undefined when appending is
 * not safe (a label needing quotes, or a last line continued with `\` or a backtick): use `--label` flags then.
 */
export function withLabelInstruction(
  containerfile: string,
  labels: readonly (readonly [string, string])[],
): string | undefined {
  if (labels.length === 0) return containerfile;
  if (labels.some(([key, value]) => !PLAIN.test(key) || !PLAIN.test(value))) return undefined;
  const lastLine =
    containerfile
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line !== '')
      .at(-1) ?? '';
  // A continued last line would swallow the LABEL line into its instruction.
  if (lastLine.endsWith('\\') || lastLine.endsWith('`')) return undefined;
  const separator = containerfile.endsWith('\n') ? '' : '\n';
  return `${containerfile}${separator}LABEL ${labels.map(([key, value]) => `${key}=${value}`).join(' ')}\n`;
}

/**
 * Runs `build` with a temp copy of the Containerfile that carries the labels as one instruction, removed afterwards
 * (a killed run's copy is swept by the next run: reconcile/temp-files.ts), or with undefined when no copy can be
 * made (unreadable file, labels that need quoting): the caller then passes `--label` flags.
 */
export async function withLabelledCopy<T>(
  containerfile: string,
  labels: [string, string][],
  runId: string | undefined,
  build: (copy: string | undefined) => Promise<T>,
): Promise<T> {
  let text: string | undefined;
  try {
    text = withLabelInstruction(readFileSync(containerfile, 'utf8'), labels);
  } catch {
    // Unreadable here: podman reads it itself and reports the problem in its own words.
  }
  if (text === undefined) return await build(undefined);
  // Why a file and not `-f -`: node gives a child a socket as stdin, and podman cannot open /dev/stdin on a socket.
  const copy = join(tmpdir(), `tarmac-${runId ?? 'norun'}-containerfile-${randomBytes(4).toString('hex')}`);
  writeFileSync(copy, text, { mode: 0o600 });
  try {
    return await build(copy);
  } finally {
    rmSync(copy, { force: true });
  }
}
