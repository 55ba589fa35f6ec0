import {
  chmodSync,
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { create } from "tar";
async function writeBundle(runId, plan, outFile, redact, now = /* @__PURE__ */ new Date()) {
  const top = `tarmac-${runId}`;
  const staging = mkdtempSync(join(tmpdir(), "tarmac-bundle-"));
  try {
    const files = [];
    const skipped = [];
    for (const entry of plan.entries) {
      const text = textOf(entry);
      if (text === void 0) {
        skipped.push(entry.name);
        continue;
      }
      const data = redact(text);
      const target = join(staging, top, entry.name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data, { mode: 384 });
      files.push({ name: entry.name, bytes: Buffer.byteLength(data) });
    }
    writeFileSync(join(staging, top, "MANIFEST.txt"), manifest(runId, now, files, plan.missing, skipped));
    mkdirSync(dirname(outFile), { recursive: true, mode: 448 });
    await create({ gzip: true, file: outFile, cwd: staging, portable: true }, [top]);
    chmodSync(outFile, 384);
    return { file: outFile, files: ["MANIFEST.txt", ...files.map((f) => f.name)], missing: plan.missing, skipped };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
function textOf(entry) {
  if (entry.content !== void 0) return entry.content;
  if (entry.source === void 0) return void 0;
  const fd = openSync(entry.source, constants.O_RDONLY | constants.O_NOFOLLOW);
  let bytes;
  try {
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  if (bytes.subarray(0, 8192).includes(0)) return void 0;
  return bytes.toString("utf8");
}
function manifest(runId, now, files, missing, skipped) {
  const lines = [
    `tarmac bundle of run ${runId}, written ${now.toISOString()}`,
    "Every file was redacted again (known secret values and token patterns) before packing.",
    "",
    "files:"
  ];
  for (const f of files) lines.push(`  ${f.name} (${f.bytes} bytes)`);
  lines.push("", "missing (the run has none):", ...missing.length > 0 ? missing.map((m) => `  ${m}`) : ["  (none)"]);
  if (skipped.length > 0) lines.push("", "left out (binary, cannot be redacted):", ...skipped.map((s) => `  ${s}`));
  return `${lines.join("\n")}
`;
}
export {
  writeBundle
};
//# sourceMappingURL=write-bundle.js.map
