import { existsSync } from "node:fs";
import { statfs } from "node:fs/promises";
import { dirname, resolve } from "node:path";
async function freeSpace(path) {
  let measured = resolve(path);
  while (!existsSync(measured) && dirname(measured) !== measured) measured = dirname(measured);
  const s = await statfs(measured);
  return { path, measured, freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
}
export {
  freeSpace
};
//# sourceMappingURL=free-space.js.map
