import { randomBytes } from "node:crypto";
import { chmod, mkdir, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { InternalError } from "../../errors/errors.js";
function kubeconfigPath(stateDir, cluster) {
  return join(stateDir, "kube", `${pathSafe(cluster)}.kubeconfig`);
}
function forwardsPath(stateDir, cluster) {
  return join(stateDir, "kube", `${pathSafe(cluster)}.forwards.json`);
}
function pathSafe(cluster) {
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(cluster))
    throw new InternalError(`kind cluster name ${JSON.stringify(cluster)} is not safe in a file name`);
  return cluster;
}
function archivePath(runId, cluster, dir = tmpdir()) {
  return join(dir, `tarmac-${runId}-kind-${pathSafe(cluster)}-${randomBytes(4).toString("hex")}.tar`);
}
function isArchiveOf(fileName, cluster) {
  const escaped = cluster.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^tarmac-.+-kind-${escaped}-[0-9a-f]{8}\\.tar$`).test(fileName);
}
async function ensurePrivateDir(file) {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 448 });
  await chmod(dir, 448);
}
async function writePrivateFile(file, content) {
  await ensurePrivateDir(file);
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, content, { mode: 384 });
  await chmod(temp, 384);
  await rename(temp, file);
}
export {
  archivePath,
  ensurePrivateDir,
  forwardsPath,
  isArchiveOf,
  kubeconfigPath,
  writePrivateFile
};
//# sourceMappingURL=paths.js.map
