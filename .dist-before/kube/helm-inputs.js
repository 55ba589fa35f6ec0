import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
async function helmInputsDigest(chart, namespace) {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ release: chart.release, namespace, values: chart.values, set: chart.set }));
  if ((await stat(chart.chart)).isDirectory()) {
    for (const file of await filesUnder(chart.chart)) await addFile(hash, chart.chart, file);
  } else {
    await addFile(hash, path.dirname(chart.chart), chart.chart);
  }
  for (const file of chart.valuesFiles) await addFile(hash, path.dirname(file), file);
  return hash.digest("hex");
}
async function addFile(hash, root, file) {
  const name = path.relative(root, file);
  const content = await readFile(file);
  hash.update(`${name.length}:${name}${content.length}:`);
  hash.update(content);
}
async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}
export {
  helmInputsDigest
};
//# sourceMappingURL=helm-inputs.js.map
