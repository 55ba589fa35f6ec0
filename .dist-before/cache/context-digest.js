import { createHash } from "node:crypto";
import path from "node:path";
import { walkContext } from "./context-walk.js";
import { contextReadError, isVanished } from "./fs-errors.js";
import { hashFileSync, READ_CHUNK_BYTES, sha256Hex } from "./hash-file.js";
const EMPTY_SHA256 = sha256Hex("");
function digestContext(dir) {
  const root = path.resolve(dir);
  const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  const manifest = createHash("sha256");
  let files = 0;
  let bytes = 0;
  for (const entry of walkContext(root)) {
    const content = contentHash(root, entry, buffer);
    if (entry.type !== "dir") files += 1;
    bytes += content.bytes;
    manifest.update(`${entry.path}\0${entry.mode}\0${content.sha256}
`);
  }
  return { digest: manifest.digest("hex"), files, bytes };
}
function contentHash(root, entry, buffer) {
  if (entry.type === "symlink") return { sha256: sha256Hex(entry.linkTarget ?? ""), bytes: 0 };
  if (entry.type !== "file") return { sha256: EMPTY_SHA256, bytes: 0 };
  try {
    return hashFileSync(`${root}/${entry.path}`, entry.size, buffer);
  } catch (err) {
    if (isVanished(err)) return { sha256: EMPTY_SHA256, bytes: 0 };
    throw contextReadError(root, entry.path, err);
  }
}
export {
  digestContext
};
//# sourceMappingURL=context-digest.js.map
