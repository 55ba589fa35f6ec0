// What a Helm group's rendering depends on, as one digest: every file of the chart (a directory, walked, or the
// packaged .tgz), the values files' contents, the inline values, the `set` pairs, the release and the namespace.
import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HelmChartSpec } from '../config/types.js';

/** sha256 hex of everything `helm template` reads for this chart; a change to any of it changes the digest. */
export async function helmInputsDigest(chart: HelmChartSpec, namespace: string | undefined): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ release: chart.release, namespace, values: chart.values, set: chart.set }));
  if ((await stat(chart.chart)).isDirectory()) {
    for (const file of await filesUnder(chart.chart)) await addFile(hash, chart.chart, file);
  } else {
    await addFile(hash, path.dirname(chart.chart), chart.chart);
  }
  for (const file of chart.valuesFiles) await addFile(hash, path.dirname(file), file);
  return hash.digest('hex');
}

// Name and content, each length-prefixed so two different file sets never hash the same.
async function addFile(hash: Hash, root: string, file: string): Promise<void> {
  const name = path.relative(root, file);
  const content = await readFile(file);
  hash.update(`${name.length}:${name}${content.length}:`);
  hash.update(content);
}

// Every regular file below `dir`, sorted, so the digest does not depend on the directory listing order.
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
