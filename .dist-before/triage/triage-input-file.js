import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "../files/private.js";
import { join } from "node:path";
import { evidenceDir, RUN_FILES, triageInputFile } from "../journal/run-dir.js";
import { redactDeep } from "../redact/redactor.js";
import { readRunFacts } from "./run-facts.js";
const TRIAGE_INPUT_FILE = join(RUN_FILES.evidence, RUN_FILES.triageInput);
async function writeTriageInput(runDir, input, redact) {
  const stored = {
    version: 1,
    evidence: input.evidence,
    ...input.run.env ? { env: input.run.env } : {},
    ...input.run.thrown ? { thrown: input.run.thrown } : {}
  };
  await mkdir(evidenceDir(runDir), { recursive: true, mode: PRIVATE_DIR_MODE });
  await writeFile(triageInputFile(runDir), `${JSON.stringify(redactDeep(stored, redact), null, 2)}
`, {
    mode: PRIVATE_FILE_MODE
  });
}
function readTriageInput(runDir) {
  const file = triageInputFile(runDir);
  if (!existsSync(file)) throw new Error(`${file} does not exist: this run dir was not triaged by this tarmac`);
  const stored = JSON.parse(readFileSync(file, "utf8"));
  const run = readRunFacts(runDir, void 0, stored.env?.target ?? "podman", stored.thrown);
  return { evidence: stored.evidence, run: { ...run, ...stored.env ? { env: stored.env } : {} } };
}
export {
  TRIAGE_INPUT_FILE,
  readTriageInput,
  writeTriageInput
};
//# sourceMappingURL=triage-input-file.js.map
