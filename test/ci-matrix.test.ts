// `tarmac ci matrix` through main(): a file of six suites whose durations history learned (recorded through the
// recorder the way a run records them, into real SQLite); the emitted matrix is placed in a workflow and checked
// with GitHub's own parser and schema, covers every suite and shard once, and is balanced within 20%.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import type { EventInput } from '../src/events/types.js';
import { recordRun, stamp } from '../src/history/history.test-kit.js';
import { repoRoot } from './support/tarmac-cli.js';
import { workflowProblems } from './support/workflow-schema.js';

const MIN = 60_000;
/** Learned test minutes per suite, after the seed's notes (fleet ~35 min in all, the full pipeline ~30). */
const TEST_MIN: Record<string, number> = {
  aianalysis: 8,
  gateway: 5.5,
  datastorage: 6,
  notification: 4,
  fullpipeline: 22,
  fleet: 26,
};

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-ci-matrix-'));
  mkdirSync(join(dir, 'k8s'));
  writeFileSync(join(dir, 'Containerfile'), 'FROM docker.io/library/busybox\n');
  const suite = (name: string, clusters = '') =>
    `  - { name: ${name}, images: [api], uses: [app], ${clusters}test: { command: [node, ${name}.mjs] } }`;
  writeFileSync(
    join(dir, 'tarmac.yaml'),
    [
      'name: seedlike',
      'cluster: { target: kind }',
      'images: [{ name: api }]',
      'deploy: [{ name: app, manifests: [k8s] }]',
      'suites:',
      ...Object.keys(TEST_MIN)
        .filter((n) => n !== 'fleet')
        .map((n) => suite(n)),
      suite('fleet', 'clusters: [{ name: hub, deploy: [app] }, { name: spoke, deploy: [app] }], '),
    ].join('\n'),
  );
  // One recorded run with every suite's steps, so their durations are learned.
  const steps = Object.keys(TEST_MIN).flatMap((s) => [
    { id: `test:${s}`, kind: 'test' as const, subject: s, deps: [], claims: { engine: 0 }, cached: false },
  ]);
  const events: [number, EventInput][] = [
    [
      0,
      {
        type: 'run.started',
        command: 'up',
        capacity: 2,
        target: 'kind',
        engine: { type: 'podman', endpoint: '' },
        steps,
      },
    ],
    ...steps.map((s): [number, EventInput] => [
      1,
      { type: 'step.started', stepId: s.id, claims: { engine: 0 }, attempt: 1 },
    ]),
    ...steps.map((s): [number, EventInput] => [
      2,
      { type: 'step.finished', stepId: s.id, state: 'succeeded', durationMs: TEST_MIN[s.subject]! * MIN },
    ]),
    [3, { type: 'run.finished', outcome: 'succeeded', durationMs: 3 }],
  ];
  recordRun(join(dir, '.tarmac', 'history.db'), 'seedlike', stamp('r1', 1_700_000_000_000, events));
  return dir;
}

interface Job {
  name: string;
  suites: string;
  predictedMs: number;
}

describe('tarmac ci matrix', () => {
  const dir = project();

  it.each([3, 4, 6])(
    'balances six suites over %i runners within 20%% and emits a valid workflow matrix',
    async (runners) => {
      const { code, stdout } = await runCli(['ci', 'matrix', '--runners', String(runners)], dir);
      expect(code).toBe(0);
      const matrix = JSON.parse(stdout) as { include: Job[] };
      const jobs = matrix.include;
      expect(jobs.length).toBeLessThanOrEqual(runners);
      // Every suite runs, and a sharded suite runs each of its shards exactly once.
      const covered = jobs.flatMap((j) => j.suites.split(',').map((s) => (s.includes('@') ? s : `${s}@1/1`)));
      for (const suite of Object.keys(TEST_MIN)) {
        const shards = covered.filter((c) => c.startsWith(`${suite}@`)).map((c) => c.split('@')[1]!);
        const n = Number(shards[0]!.split('/')[1]);
        expect(shards.sort()).toEqual(Array.from({ length: n }, (_, i) => `${i + 1}/${n}`).sort());
      }
      // With a runner to spare, the learned 26-minute fleet tests are split rather than left as the longest job.
      if (runners >= 4) expect(covered.filter((c) => c.startsWith('fleet@')).length).toBeGreaterThan(1);
      const mean = jobs.reduce((s, j) => s + j.predictedMs, 0) / jobs.length;
      expect(Math.max(...jobs.map((j) => j.predictedMs)) / mean).toBeLessThanOrEqual(1.2);
      const workflow = [
        'on: push',
        'jobs:',
        '  e2e:',
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      fail-fast: false',
        `      matrix: ${stdout.trim()}`,
        '    steps:',
        '      - run: tarmac up --pull-only --suite ${{ matrix.suites }}',
      ].join('\n');
      expect(workflowProblems('matrix.yml', workflow)).toEqual([]);
    },
  );

  it("docs/ci.md's suites workflow has no schema problem", () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'ci.md'), 'utf8');
    const block = /<!-- ci-suites-workflow:start[^>]*-->\s*```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toContain('tarmac ci matrix');
    expect(workflowProblems('docs/ci.md', block ?? '')).toEqual([]);
  });

  it('the schema check catches a matrix GitHub would reject', () => {
    const bad =
      'on: push\njobs:\n  e2e:\n    runs-on: x\n    strategy:\n      matrix: [1, 2]\n    steps:\n      - run: echo\n';
    expect(workflowProblems('bad.yml', bad).length).toBeGreaterThan(0);
  });
});
