// Objects handed to kubectl as one v1 List in a private temp file (`kubectl apply -f`, `kubectl get -f`), removed
// after, and how kubectl's output names them.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../kube/types.js';

/** Writes `objects` as a List file named after the run and group, runs `use` on its path, then removes it. */
export async function withListFile<T>(
  runId: string,
  group: string,
  purpose: string,
  objects: readonly KubeObject[],
  use: (file: string) => Promise<T>,
): Promise<T> {
  const file = join(
    tmpdir(),
    `tarmac-${runId}-${purpose}-${group.replace(/[^A-Za-z0-9_.-]/g, '_')}-${randomBytes(4).toString('hex')}.json`,
  );
  try {
    await writeFile(file, `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }, null, 2)}\n`, {
      mode: 0o600,
    });
    return await use(file);
  } finally {
    await rm(file, { force: true });
  }
}

/** Whether kubectl's output has a line naming the object as `<kind>[.<group>]/<name>` (`pattern` captures both). */
export function namedBy(stdout: string, object: KubeObject, pattern: RegExp): boolean {
  const kind = object.kind.toLowerCase();
  return stdout.split('\n').some((line) => {
    const match = pattern.exec(line.trim());
    return (
      match !== null && match[2] === object.metadata.name && (match[1] === kind || match[1]?.startsWith(`${kind}.`))
    );
  });
}
