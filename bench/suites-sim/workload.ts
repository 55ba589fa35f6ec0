// A six-suite workload modelled on the seed's project (/work/shared/design/research-kubernaut.md and
// research-real-project.md): ten service images shared between suites, a kind cluster per suite (two for fleet),
// durations from its notes. Minutes: builds DS 1.5, AA 4 (heavy), KA 3 (heavy), GW/RO/SP/WE 2.5, NT 2, mock-llm 1,
// db-migrate 0.5; cluster create 1; image load 0.4 each; infra deploy (PostgreSQL, Redis, DataStorage) 3, service
// deploy 2; tests: aianalysis 8, gateway 5.5, datastorage 6, notification 4, full pipeline 15 (~30 min in all when
// it builds its own images), fleet 25 (~35 min, hub and managed cluster). Host: 4 engine units, 12 GiB for suites.
import { DEFAULT_TIMEOUTS } from '../../src/config/schema.js';
import type { DeployGroupSpec, Env, SuiteSpec } from '../../src/config/types.js';

export const MIN = 60_000;
const GiB = 1024 ** 3;

/** Images of a simulated workload: build minutes and engine weight. */
export type ImageSketch = Record<string, { min: number; weight: number }>;

/** A simulated workload: images, suites, the host (engine units, GiB for suites) and the step durations in minutes. */
export interface WorkloadSketch {
  images: ImageSketch;
  suites: SuiteSketch[];
  capacity: number;
  memoryGiB: number;
  /** Minutes: cluster create, image load, the `infra` group's deploy and any other group's. */
  clusterMin?: number;
  deliverMin?: number;
  infraMin?: number;
  appMin?: number;
}

const IMAGES: ImageSketch = {
  datastorage: { min: 1.5, weight: 1 },
  'db-migrate': { min: 0.5, weight: 1 },
  aianalysis: { min: 4, weight: 2 },
  kubernautagent: { min: 3, weight: 2 },
  'mock-llm': { min: 1, weight: 1 },
  gateway: { min: 2.5, weight: 1 },
  notification: { min: 2, weight: 1 },
  remediationorchestrator: { min: 2.5, weight: 1 },
  signalprocessing: { min: 2.5, weight: 1 },
  workflowexecution: { min: 2.5, weight: 1 },
};

/** A suite of a simulated workload. */
export interface SuiteSketch {
  name: string;
  testMin: number;
  memoryGiB: number;
  /** cluster -> group -> images the group deploys */
  clusters: Record<string, Record<string, string[]>>;
}

const infra = ['datastorage', 'db-migrate'];
const SUITES: SuiteSketch[] = [
  {
    name: 'aianalysis',
    testMin: 8,
    memoryGiB: 4,
    clusters: { main: { infra, apps: ['aianalysis', 'kubernautagent', 'mock-llm'] } },
  },
  { name: 'gateway', testMin: 5.5, memoryGiB: 2.5, clusters: { main: { infra, apps: ['gateway'] } } },
  { name: 'datastorage', testMin: 6, memoryGiB: 2, clusters: { main: { infra } } },
  { name: 'notification', testMin: 4, memoryGiB: 2, clusters: { main: { infra, apps: ['notification'] } } },
  {
    name: 'fullpipeline',
    testMin: 15,
    memoryGiB: 5,
    clusters: { main: { infra, apps: Object.keys(IMAGES).filter((i) => !infra.includes(i)) } },
  },
  {
    name: 'fleet',
    testMin: 25,
    memoryGiB: 5,
    clusters: {
      hub: { infra, apps: ['remediationorchestrator', 'gateway'] },
      spoke: { agents: ['kubernautagent', 'signalprocessing', 'workflowexecution'] },
    },
  },
];

const group = (name: string, after: string[]): DeployGroupSpec => ({ name, manifests: [], after });

/** The seed's workload: capacity 4, 12 GiB for suites. */
export const SEED: WorkloadSketch = { images: IMAGES, suites: SUITES, capacity: 4, memoryGiB: 12 };

/** A workload as planSuites takes it. */
export interface Workload {
  env: Env;
  groupImages: Map<string, string[]>;
  durations: Map<string, number>;
}

/** The seed's Env, the images each group deploys, and the durations history would hold. */
export function suitesWorkload(): Workload {
  return workload(SEED);
}

/** Any sketch as an Env (a group `infra` comes first on its cluster), its group images and durations. */
export function workload(w: WorkloadSketch): Workload {
  const { clusterMin = 1, deliverMin = 0.4, infraMin = 3, appMin = 2 } = w;
  const groupImages = new Map<string, string[]>();
  const durations = new Map<string, number>();
  for (const [name, i] of Object.entries(w.images)) durations.set(`build:${name}`, i.min * MIN);
  const suites: SuiteSpec[] = w.suites.map((s) => {
    const groups: DeployGroupSpec[] = [];
    for (const [cluster, gs] of Object.entries(s.clusters)) {
      durations.set(`cluster:${s.name}/${cluster}`, clusterMin * MIN);
      for (const [g, images] of Object.entries(gs)) {
        groups.push(group(g, g === 'infra' ? [] : Object.keys(gs).filter((o) => o === 'infra')));
        groupImages.set(`${s.name}/${g}`, images);
        durations.set(`deploy:${s.name}/${cluster}/${g}`, (g === 'infra' ? infraMin : appMin) * MIN);
        for (const image of images) durations.set(`deliver:${s.name}/${cluster}/${image}`, deliverMin * MIN);
      }
    }
    durations.set(`test:${s.name}`, s.testMin * MIN);
    return {
      name: s.name,
      images: [...new Set(Object.values(s.clusters).flatMap((gs) => Object.values(gs).flat()))],
      deploy: groups,
      clusters: Object.entries(s.clusters).map(([name, gs]) => ({
        name,
        clusterName: `kubernaut-${s.name}-${name}`,
        groups: Object.keys(gs),
      })),
      test: { command: ['ginkgo'], env: {}, timeoutMs: 3_600_000, cwd: '/project' },
      memoryBytes: s.memoryGiB * GiB,
    };
  });
  const env: Env = {
    name: 'kubernaut',
    file: '/project/tarmac.yaml',
    dir: '/project',
    stateDir: '/project/.tarmac',
    historyPath: '/project/.tarmac/history.db',
    engine: { type: 'podman' },
    images: Object.entries(w.images).map(([name, i]) => ({
      name,
      contextDir: `/project/${name}`,
      containerfile: `/project/${name}/Dockerfile`,
      args: {},
      weight: i.weight,
      dependsOn: [],
    })),
    cluster: { target: 'kind', name: 'kubernaut-e2e', reuse: 'healthy' },
    deploy: [],
    capacity: w.capacity,
    memoryBytes: w.memoryGiB * GiB,
    suites,
    timeouts: { ...DEFAULT_TIMEOUTS },
  };
  return { env, groupImages, durations };
}
