import { join } from "node:path";
const RUN_FILES = {
  owner: "owner.json",
  events: "events.jsonl",
  steps: "steps",
  junit: "junit.xml",
  shardTests: "shard-tests.txt",
  triageJson: "triage.json",
  triageMarkdown: "triage.md",
  reportMarkdown: "report.md",
  reportHtml: "report.html",
  evidence: "evidence",
  triageInput: "triage-input.json",
  kindLogs: "kind-logs"
};
function runsRoot(stateDir) {
  return join(stateDir, "runs");
}
function runDir(stateDir, runId) {
  return join(runsRoot(stateDir), runId);
}
function eventsFile(dir) {
  return join(dir, RUN_FILES.events);
}
function ownerFile(dir) {
  return join(dir, RUN_FILES.owner);
}
function stepsDir(dir) {
  return join(dir, RUN_FILES.steps);
}
function stepLogName(stepId) {
  return `${stepId.replace(/[^a-zA-Z0-9._-]/g, "_")}.log`;
}
function stepLogFile(dir, stepId) {
  return join(stepsDir(dir), stepLogName(stepId));
}
function junitCopyFile(dir) {
  return join(dir, RUN_FILES.junit);
}
function shardTestsFile(dir) {
  return join(dir, RUN_FILES.shardTests);
}
function triageFiles(dir) {
  return { json: join(dir, RUN_FILES.triageJson), markdown: join(dir, RUN_FILES.triageMarkdown) };
}
function reportFiles(dir) {
  return { markdown: join(dir, RUN_FILES.reportMarkdown), html: join(dir, RUN_FILES.reportHtml) };
}
function evidenceDir(dir) {
  return join(dir, RUN_FILES.evidence);
}
function triageInputFile(dir) {
  return join(evidenceDir(dir), RUN_FILES.triageInput);
}
function kindLogsDir(dir) {
  return join(dir, RUN_FILES.kindLogs);
}
export {
  RUN_FILES,
  eventsFile,
  evidenceDir,
  junitCopyFile,
  kindLogsDir,
  ownerFile,
  reportFiles,
  runDir,
  runsRoot,
  shardTestsFile,
  stepLogFile,
  stepLogName,
  stepsDir,
  triageFiles,
  triageInputFile
};
//# sourceMappingURL=run-dir.js.map
