// What the rules read from the collected evidence, and small helpers to quote and search it. Pure.
import type { ClusterFacts, EngineFacts, NodeFacts, PodFacts, TriageInput } from '../types.js';
import { failedSteps, stepLines, type FailedStep, type StepLine } from './journal-facts.js';

/** Longest quoted text in an evidence line. */
const QUOTE_MAX = 240;

/** One evidence line `source: text`, shortened. */
export function quote(source: string, text: string): string {
  const t = text.trim();
  return `${source}: ${t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX - 1)}…` : t}`;
}

/** The engine facts when the engine collector ran. */
export function engine(input: TriageInput): EngineFacts | undefined {
  return input.evidence.engine?.data;
}

/** The engine's command name for actions (`podman` unless evidence says docker). */
export function engineCmd(input: TriageInput): 'podman' | 'docker' {
  return engine(input)?.name ?? 'podman';
}

/** The clusters the collector saw. */
export function clusters(input: TriageInput): ClusterFacts[] {
  return input.evidence.clusters?.data ?? [];
}

/** The env's own cluster: by name from the run, else the only kind cluster seen. */
export function envCluster(input: TriageInput): ClusterFacts | undefined {
  const all = clusters(input);
  const name = input.run.env?.clusterName;
  return all.find((c) => c.name === name) ?? (name === undefined && all.length === 1 ? all[0] : undefined);
}

/** The env's cluster name (for actions), from the run or the evidence. */
export function clusterName(input: TriageInput): string {
  return input.run.env?.clusterName ?? envCluster(input)?.name ?? '<cluster>';
}

/** Nodes of a cluster that are not running. */
export function downNodes(cluster: ClusterFacts): NodeFacts[] {
  return cluster.nodes.filter((n) => n.state !== 'running');
}

/** Evidence lines describing a cluster's state: listed, node states, API. */
export function clusterLines(cluster: ClusterFacts): string[] {
  const lines = [
    quote(
      'clusters',
      `${cluster.target === 'kind' ? 'kind get clusters' : 'podman'} ${cluster.listed ? 'lists' : 'does not list'} ${cluster.name}`,
    ),
  ];
  for (const n of cluster.nodes)
    lines.push(
      quote(
        'clusters',
        `node container ${n.name}: ${n.state}${n.exitCode === undefined ? '' : ` (exit code ${n.exitCode})`}`,
      ),
    );
  if (cluster.nodes.length === 0 && cluster.listed)
    lines.push(quote('clusters', `no node container of ${cluster.name} exists`));
  if (cluster.api)
    lines.push(
      quote(
        'api',
        `${cluster.api.url ?? cluster.name}: ${cluster.api.ok ? 'ready' : 'not reachable'} (${cluster.api.detail})`,
      ),
    );
  return lines;
}

/** Whether a cluster is the seed's broken shape: listed, a node not running, API not answering. */
export function brokenCluster(input: TriageInput): ClusterFacts | undefined {
  const c = envCluster(input);
  if (!c || c.target !== 'kind' || !c.listed) return undefined;
  return downNodes(c).length > 0 && c.api?.ok !== true ? c : undefined;
}

/** Failing pods from the workloads collector. */
export function pods(input: TriageInput): PodFacts[] {
  return input.evidence.workloads?.data?.pods ?? [];
}

/** Text lines of every failed step (error, output tail, log tail) that match `re`, quoted, first `max`. */
export function failureLinesMatching(input: TriageInput, re: RegExp, max = 3, kinds?: string[]): string[] {
  return failureLines(input, (line) => re.test(line.text), max, kinds);
}

/** The whole text (not the shortened quote) of every failed step's lines that match `re`, each once, first `max`. */
export function failureTexts(input: TriageInput, re: RegExp, max = 3): string[] {
  const out: string[] = [];
  for (const step of failedSteps(input.run))
    for (const line of stepLines(input.run, step))
      if (re.test(line.text) && !out.includes(line.text) && out.length < max) out.push(line.text);
  return out;
}

/** The engine reporting that a build instruction (the workload) failed, in the builders' own words. */
export const STEP_FAILED =
  /building at STEP|did not complete successfully|returned a non-zero code|executor failed running|while running runtime: exit status/i;

/**
 * Whether the step failed because the workload failed (a RUN instruction that exited non-zero), as the engine
 * reported it: then the step's output lines are the workload's own words, never the engine's signals, whatever
 * they say. Exit 125 is the podman client's own failure, never an instruction's.
 */
export function workloadFailed(input: TriageInput, step: FailedStep): boolean {
  const fact = step.error?.fact;
  if (fact?.type === 'build' && fact.instruction !== undefined && !fact.timedOut && fact.signal === undefined)
    if (fact.exitCode !== undefined && fact.exitCode !== 125) return true;
  return stepLines(input.run, step).some((l) => l.part !== 'message' && STEP_FAILED.test(l.text));
}

/** Lines of every failed step (error, output tail, log tail) that `pick` keeps, quoted, first `max`. */
export function failureLines(
  input: TriageInput,
  pick: (line: StepLine, step: FailedStep) => boolean,
  max = 3,
  kinds?: string[],
): string[] {
  const out: string[] = [];
  for (const step of failedSteps(input.run)) {
    if (kinds && (step.kind === undefined || !kinds.includes(step.kind))) continue;
    for (const line of stepLines(input.run, step)) {
      if (!pick(line, step)) continue;
      const q = quote(line.source, line.text);
      if (!out.includes(q)) out.push(q);
      if (out.length >= max) return out;
    }
  }
  return out;
}

/** The first captured group of `re` in any failed step's text, e.g. a port or a path. */
export function captureFromFailures(input: TriageInput, re: RegExp): string | undefined {
  for (const step of failedSteps(input.run)) {
    for (const line of stepLines(input.run, step)) {
      const m = re.exec(line.text);
      if (m?.[1]) return m[1];
    }
  }
  return undefined;
}

/** Bytes for people: 1.2 GiB. */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

/** Clamps a confidence into 0..1 with two decimals. */
export function conf(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
}
