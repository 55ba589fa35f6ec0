import { failedSteps, stepLines } from "./journal-facts.js";
const QUOTE_MAX = 240;
function quote(source, text) {
  const t = text.trim();
  return `${source}: ${t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX - 1)}\u2026` : t}`;
}
function engine(input) {
  return input.evidence.engine?.data;
}
function engineCmd(input) {
  return engine(input)?.name ?? "podman";
}
function clusters(input) {
  return input.evidence.clusters?.data ?? [];
}
function envCluster(input) {
  const all = clusters(input);
  const name = input.run.env?.clusterName;
  return all.find((c) => c.name === name) ?? (name === void 0 && all.length === 1 ? all[0] : void 0);
}
function clusterName(input) {
  return input.run.env?.clusterName ?? envCluster(input)?.name ?? "<cluster>";
}
function downNodes(cluster) {
  return cluster.nodes.filter((n) => n.state !== "running");
}
function clusterLines(cluster) {
  const lines = [
    quote(
      "clusters",
      `${cluster.target === "kind" ? "kind get clusters" : "podman"} ${cluster.listed ? "lists" : "does not list"} ${cluster.name}`
    )
  ];
  for (const n of cluster.nodes)
    lines.push(
      quote(
        "clusters",
        `node container ${n.name}: ${n.state}${n.exitCode === void 0 ? "" : ` (exit code ${n.exitCode})`}`
      )
    );
  if (cluster.nodes.length === 0 && cluster.listed)
    lines.push(quote("clusters", `no node container of ${cluster.name} exists`));
  if (cluster.api)
    lines.push(
      quote(
        "api",
        `${cluster.api.url ?? cluster.name}: ${cluster.api.ok ? "ready" : "not reachable"} (${cluster.api.detail})`
      )
    );
  return lines;
}
function brokenCluster(input) {
  const c = envCluster(input);
  if (!c || c.target !== "kind" || !c.listed) return void 0;
  return downNodes(c).length > 0 && c.api?.ok !== true ? c : void 0;
}
function pods(input) {
  return input.evidence.workloads?.data?.pods ?? [];
}
function failureLinesMatching(input, re, max = 3, kinds) {
  return failureLines(input, (line) => re.test(line.text), max, kinds);
}
const STEP_FAILED = /building at STEP|did not complete successfully|returned a non-zero code|executor failed running|while running runtime: exit status/i;
function workloadFailed(input, step) {
  const fact = step.error?.fact;
  if (fact?.type === "build" && fact.instruction !== void 0 && !fact.timedOut && fact.signal === void 0) {
    if (fact.exitCode !== void 0 && fact.exitCode !== 125) return true;
  }
  return stepLines(input.run, step).some((l) => l.part !== "message" && STEP_FAILED.test(l.text));
}
function failureLines(input, pick, max = 3, kinds) {
  const out = [];
  for (const step of failedSteps(input.run)) {
    if (kinds && (step.kind === void 0 || !kinds.includes(step.kind))) continue;
    for (const line of stepLines(input.run, step)) {
      if (!pick(line, step)) continue;
      const q = quote(line.source, line.text);
      if (!out.includes(q)) out.push(q);
      if (out.length >= max) return out;
    }
  }
  return out;
}
function captureFromFailures(input, re) {
  for (const step of failedSteps(input.run)) {
    for (const line of stepLines(input.run, step)) {
      const m = re.exec(line.text);
      if (m?.[1]) return m[1];
    }
  }
  return void 0;
}
function bytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}
function conf(n) {
  return Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
}
export {
  STEP_FAILED,
  brokenCluster,
  bytes,
  captureFromFailures,
  clusterLines,
  clusterName,
  clusters,
  conf,
  downNodes,
  engine,
  engineCmd,
  envCluster,
  failureLines,
  failureLinesMatching,
  pods,
  quote,
  workloadFailed
};
//# sourceMappingURL=evidence-facts.js.map
