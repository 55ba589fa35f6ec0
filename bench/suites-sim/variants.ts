// Other simulated workloads beside the seed's, to check that a planner change helps in general and does not make
// any of them worse: builds dominating, a suite bigger than the memory budget, equal footprints two at a time,
// nine suites (beyond the exhaustive packing), and the seed's suites on a host where memory does not bind.
import { SEED, type ImageSketch, type SuiteSketch, type WorkloadSketch } from './workload.js';

const infra = ['db'];
const img = (min: number, weight = 1) => ({ min, weight });
const oneCluster = (name: string, testMin: number, memoryGiB: number, apps: string[]): SuiteSketch => ({
  name,
  testMin,
  memoryGiB,
  clusters: { main: apps.length > 0 ? { infra, apps } : { infra } },
});

const services: ImageSketch = { db: img(1), api: img(3), web: img(2), worker: img(4, 2), ml: img(6, 2), cli: img(1) };

/** Named workloads, each with a short description. */
export const VARIANTS: { name: string; about: string; sketch: WorkloadSketch }[] = [
  {
    name: 'build-heavy',
    about: 'long builds, short tests: the engine binds more than memory (4 suites, 2 fit at once)',
    sketch: {
      images: { db: img(3), api: img(8), web: img(6), worker: img(9, 2), ml: img(12, 2) },
      suites: [
        oneCluster('api', 3, 3, ['api']),
        oneCluster('web', 2, 3, ['api', 'web']),
        oneCluster('jobs', 4, 3, ['worker']),
        oneCluster('ml', 3, 3, ['ml', 'worker']),
      ],
      capacity: 4,
      memoryGiB: 7,
    },
  },
  {
    name: 'oversized',
    about: 'one suite (14 GiB) bigger than the budget (12 GiB) runs alone; four small ones around it',
    sketch: {
      images: services,
      suites: [
        oneCluster('big', 10, 14, ['api', 'web', 'worker', 'ml']),
        oneCluster('a', 6, 3, ['api']),
        oneCluster('b', 5, 3, ['web']),
        oneCluster('c', 8, 4, ['worker']),
        oneCluster('d', 4, 2, ['cli']),
      ],
      capacity: 4,
      memoryGiB: 12,
    },
  },
  {
    name: 'pairs',
    about: 'six suites of 4 GiB, two at a time in 8 GiB, tests of 3 to 18 min',
    sketch: {
      images: services,
      suites: [3, 6, 9, 12, 15, 18].map((t, i) => oneCluster(`t${t}`, t, 4, [Object.keys(services)[1 + (i % 5)]!])),
      capacity: 4,
      memoryGiB: 8,
    },
  },
  {
    name: 'nine',
    about: 'nine suites of 1.5 to 4 GiB in 10 GiB (too many for the exhaustive packing: no packing bound)',
    sketch: {
      images: services,
      suites: Array.from({ length: 9 }, (_, i) =>
        oneCluster(`s${i}`, 3 + ((i * 7) % 11), 1.5 + ((i * 5) % 6) / 2, [Object.keys(services)[1 + (i % 5)]!]),
      ),
      capacity: 4,
      memoryGiB: 10,
    },
  },
  {
    name: 'seed, roomy',
    about: "the seed's suites with 64 GiB: memory does not bind",
    sketch: { ...SEED, memoryGiB: 64 },
  },
];
