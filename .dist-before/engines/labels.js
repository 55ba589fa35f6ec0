const LABEL_MANAGED = "io.tarmac.managed";
const LABEL_ENV = "io.tarmac.env";
const LABEL_RUN = "io.tarmac.run";
const LABEL_IMAGE = "io.tarmac.image";
const LABEL_VERSION = "io.tarmac.version";
const LABEL_PROJECT = "io.tarmac.project";
const LABEL_PROJECT_PATH = "io.tarmac.project-path";
function envLabels(env, runId) {
  const labels = { [LABEL_MANAGED]: "true", [LABEL_ENV]: env };
  if (runId) labels[LABEL_RUN] = runId;
  return labels;
}
function ownership(labels, id) {
  if (labels?.[LABEL_MANAGED] !== "true" || labels[LABEL_ENV] !== id.env) return "foreign";
  const project = labels[LABEL_PROJECT];
  if (project === void 0) return "legacy";
  return project === id.project ? "ours" : "other-checkout";
}
function owned(kind) {
  return kind === "ours" || kind === "legacy";
}
function sorted(map) {
  return Object.entries(map).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}
function labelFilters(labels) {
  return sorted(labels).flatMap(([key, value]) => ["--filter", `label=${key}=${value}`]);
}
export {
  LABEL_ENV,
  LABEL_IMAGE,
  LABEL_MANAGED,
  LABEL_PROJECT,
  LABEL_PROJECT_PATH,
  LABEL_RUN,
  LABEL_VERSION,
  envLabels,
  labelFilters,
  owned,
  ownership,
  sorted
};
//# sourceMappingURL=labels.js.map
