// The plan for `tarmac up --suite a,b` / `--all`: one plan across the chosen suites in which every image is built
// once, each suite's clusters are created while the builds run, and each suite deploys and tests on its own
// clusters. Suites share nothing but builds, so one suite's failure skips only its own steps. Pure.
import { TarmacError, ExitCode } from '../errors/errors.js';
import type { Env, SuiteSpec } from '../config/types.js';
import { assemblePlan, type StepDraft } from './assemble.js';
import { buildDrafts, buildStepId, deliverClaim, selectImages } from './build-plan.js';
import { didYouMean } from './did-you-mean.js';
import { gateByMemory, type SuiteWait } from './suites-memory.js';
import type { Plan, StepId } from './types.js';
import { suiteFootprint, type FootprintSource, type LearnedFootprint } from './suite-footprint.js';

export { DEFAULT_CLUSTER_MEMORY_BYTES } from './suite-footprint.js';

export interface SuitesPlanInput {
  /** The chosen suites, by name (`--all`: every suite of the file). */
  suites: readonly string[];
  target: Exclude<Env['cluster']['target'], 'auto'>;
  cachedImages: ReadonlySet<string>;
  /** Images each group of each suite uses (key `<suite>/<group>`); a group not in the map gets the suite's images. */
  groupImages?: ReadonlyMap<string, readonly string[]>;
  withTest: boolean;
  durations?: ReadonlyMap<StepId, number>;
  /** Memory footprints per suite learned from history; a suite's declared `memory` wins. */
  learnedFootprints?: ReadonlyMap<string, LearnedFootprint>;
}

/** One plan for many suites, and why some suites wait for memory. */
export interface SuitesPlan {
  plan: Plan;
  suites: SuiteSpec[];
  /** Footprint used per suite, in bytes. */
  footprints: Map<string, number>;
  /** Where each suite's footprint came from. */
  footprintSources: Map<string, FootprintSource>;
  waits: SuiteWait[];
}

export const suiteClusterStepId = (suite: string, cluster: string): StepId => `cluster:${suite}/${cluster}`;
export const suiteDeliverStepId = (suite: string, cluster: string, image: string): StepId =>
  `deliver:${suite}/${cluster}/${image}`;
export const suiteDeployStepId = (suite: string, cluster: string, group: string): StepId =>
  `deploy:${suite}/${cluster}/${group}`;
export const suiteTestStepId = (suite: string): StepId => `test:${suite}`;

/** The cluster a suite's `cluster:`, `deliver:` or `deploy:` step acts on (`deploy:fleet/spoke/apps` -> `spoke`). */
export function suiteClusterOfStep(stepId: StepId, suite: string): string | undefined {
  const [owner, cluster] = stepId.slice(stepId.indexOf(':') + 1).split('/');
  return owner === suite && /^(cluster|deliver|deploy):/.test(stepId) ? cluster : undefined;
}

/** Plans the chosen suites together. Throws UNKNOWN_SUITE for a name the file does not define. */
export function planSuites(env: Env, input: SuitesPlanInput): SuitesPlan {
  const suites = chooseSuites(env, input.suites);
  const t = env.timeouts;
  const images = selectImages(env.images, [...new Set(suites.flatMap((s) => s.images))]);
  const drafts: StepDraft[] = buildDrafts(images, t, input.cachedImages);
  const built = new Set(images.map((i) => i.name));
  for (const suite of suites) drafts.push(...suiteDrafts(suite, input, built, env));
  const resolved = new Map(suites.map((s) => [s.name, suiteFootprint(s, input.learnedFootprints)]));
  const footprints = new Map([...resolved].map(([name, f]) => [name, f.bytes]));
  const footprintSources = new Map([...resolved].map(([name, f]) => [name, f.source]));
  const gated = gateByMemory(drafts, {
    footprints,
    sources: footprintSources,
    budgetBytes: env.memoryBytes,
    capacity: env.capacity,
    ...(input.durations ? { durations: input.durations } : {}),
  });
  const plan = assemblePlan(gated.drafts, input.durations, { priorityFollowsAfter: gated.priorityFollowsAfter });
  return { plan, suites, footprints, footprintSources, waits: gated.waits };
}

function suiteDrafts(suite: SuiteSpec, input: SuitesPlanInput, built: ReadonlySet<string>, env: Env): StepDraft[] {
  const t = env.timeouts;
  const common = { stallMs: t.stall, cached: false, retry: 'infra-only', suite: suite.name } as const;
  const drafts: StepDraft[] = [];
  const deploys: StepId[] = [];
  for (const cluster of suite.clusters) {
    const clusterId = suiteClusterStepId(suite.name, cluster.name);
    drafts.push({
      ...common,
      id: clusterId,
      kind: 'cluster',
      subject: cluster.clusterName,
      deps: [],
      // As in `up`: kind nodes run on the engine; a podman network does not.
      claims: { engine: input.target === 'kind' ? 1 : 0 },
      timeoutMs: t.cluster,
    });
    const groups = suite.deploy.filter((g) => cluster.groups.includes(g.name));
    const imagesOf = (group: string): string[] =>
      [...(input.groupImages?.get(`${suite.name}/${group}`) ?? suite.images)].filter((i) => built.has(i));
    const delivered = [...new Set(groups.flatMap((g) => imagesOf(g.name)))];
    for (const image of delivered)
      drafts.push({
        ...common,
        id: suiteDeliverStepId(suite.name, cluster.name, image),
        kind: 'deliver',
        subject: image,
        deps: [buildStepId(image), clusterId],
        claims: { engine: deliverClaim(input.target, image, input.cachedImages) },
        timeoutMs: t.deliver,
      });
    for (const group of groups) {
      const id = suiteDeployStepId(suite.name, cluster.name, group.name);
      deploys.push(id);
      drafts.push({
        ...common,
        id,
        kind: 'deploy',
        subject: group.name,
        deps: [
          clusterId,
          ...imagesOf(group.name).map((i) => suiteDeliverStepId(suite.name, cluster.name, i)),
          // `after` names groups of the same cluster; one on another cluster of the suite is waited for there.
          ...group.after.flatMap((a) => {
            const home = suite.clusters.find((c) => c.groups.includes(a));
            return home ? [suiteDeployStepId(suite.name, home.name, a)] : [];
          }),
        ],
        claims: { engine: 0 },
        timeoutMs: t.deploy,
      });
    }
  }
  if (input.withTest && suite.test)
    drafts.push({
      ...common,
      id: suiteTestStepId(suite.name),
      kind: 'test',
      subject: suite.name,
      deps: [...suite.clusters.map((c) => suiteClusterStepId(suite.name, c.name)), ...deploys],
      claims: { engine: 0 },
      timeoutMs: suite.test.timeoutMs,
      retry: 'never',
    });
  return drafts;
}

/** The named suites in file order; UNKNOWN_SUITE (usage) for a name the file lacks. */
export function chooseSuites(env: Env, names: readonly string[]): SuiteSpec[] {
  const all = env.suites ?? [];
  const known = all.map((s) => s.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    const close = didYouMean(unknown[0]!, known);
    const hint = [
      close ? `Did you mean \`${close}\`?` : '',
      known.length > 0 ? `Suites in this file: ${known.join(', ')}.` : 'This file declares no `suites`.',
    ]
      .filter(Boolean)
      .join(' ');
    throw new TarmacError('UNKNOWN_SUITE', `unknown suite ${unknown.map((n) => `"${n}"`).join(', ')}`, {
      exitCode: ExitCode.usage,
      hint,
    });
  }
  return all.filter((s) => names.includes(s.name));
}
