import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const PLAIN = /^[A-Za-z0-9._/:@+-]+$/;
function withLabelInstruction(containerfile, labels) {
  if (labels.length === 0) return containerfile;
  if (labels.some(([key, value]) => !PLAIN.test(key) || !PLAIN.test(value))) return void 0;
  const lastLine = containerfile.split("\n").map((line) => line.trimEnd()).filter((line) => line !== "").at(-1) ?? "";
  if (lastLine.endsWith("\\") || lastLine.endsWith("`")) return void 0;
  const separator = containerfile.endsWith("\n") ? "" : "\n";
  return `${containerfile}${separator}LABEL ${labels.map(([key, value]) => `${key}=${value}`).join(" ")}
`;
}
async function withLabelledCopy(containerfile, labels, runId, build) {
  let text;
  try {
    text = withLabelInstruction(readFileSync(containerfile, "utf8"), labels);
  } catch {
  }
  if (text === void 0) return await build(void 0);
  const copy = join(tmpdir(), `tarmac-${runId ?? "norun"}-containerfile-${randomBytes(4).toString("hex")}`);
  writeFileSync(copy, text, { mode: 384 });
  try {
    return await build(copy);
  } finally {
    rmSync(copy, { force: true });
  }
}
export {
  withLabelInstruction,
  withLabelledCopy
};
//# sourceMappingURL=label-instruction.js.map
