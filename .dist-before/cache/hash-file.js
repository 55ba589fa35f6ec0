import { createHash } from "node:crypto";
import { closeSync, constants, openSync, readSync } from "node:fs";
const READ_CHUNK_BYTES = 1024 * 1024;
function hashFileSync(abs, size, buffer) {
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const hash = createHash("sha256");
    let bytes = 0;
    for (; ; ) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
      if (bytes >= size) break;
    }
    return { sha256: hash.digest("hex"), bytes };
  } finally {
    closeSync(fd);
  }
}
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}
export {
  READ_CHUNK_BYTES,
  hashFileSync,
  sha256Hex
};
//# sourceMappingURL=hash-file.js.map
