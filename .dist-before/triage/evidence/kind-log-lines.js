import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { redactSecrets } from "../../redact/patterns.js";
const NODE_LOG_FILES = ["kubelet.log", "containerd.log", "journal.log"];
const TAIL_BYTES = 256 * 1024;
const LINES_PER_FILE = 8;
const JOURNAL_PREFIX = /^\s*[A-Z][a-z]{2} +\d+ \d\d:\d\d:\d\d \S+ +[A-Za-z0-9_.@-]+(?:\[\d+\])?: ?/;
const ABNORMAL = /^[EF]\d{4} |\b(error|failed|failure|fatal|panic|refused|unable to|cannot|not found)\b/i;
function readKindLogLines(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const node of readdirSync(dir).sort()) {
    const nodeDir = join(dir, node);
    if (!statSync(nodeDir).isDirectory()) continue;
    const seen = /* @__PURE__ */ new Set();
    for (const name of NODE_LOG_FILES) {
      const path = join(nodeDir, name);
      if (!existsSync(path)) continue;
      const file = `${node}/${name}`;
      for (const text of abnormalLines(tail(path))) {
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ file, text });
      }
    }
  }
  return out;
}
function abnormalLines(text) {
  const kept = [];
  for (const raw of text.split("\n")) {
    const message = raw.replace(JOURNAL_PREFIX, "").trim();
    if (message === "" || !ABNORMAL.test(message)) continue;
    const clean = redactSecrets(message);
    const at = kept.indexOf(clean);
    if (at >= 0) kept.splice(at, 1);
    kept.push(clean);
  }
  return kept.slice(-LINES_PER_FILE);
}
function tail(path) {
  const size = statSync(path).size;
  const length = Math.min(size, TAIL_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const text = buffer.toString("utf8");
  return size > length ? text.slice(text.indexOf("\n") + 1) : text;
}
export {
  NODE_LOG_FILES,
  abnormalLines,
  readKindLogLines
};
//# sourceMappingURL=kind-log-lines.js.map
