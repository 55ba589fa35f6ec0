// docs/ci.md's GitHub Actions workflow parses as YAML and has the shape the doc promises: one build job,
// a matrix of shard jobs after it, one report job after them that runs even when a shard failed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseShard } from '../src/plan/shard.js';
import { repoRoot } from './support/tarmac-cli.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { 'fail-fast'?: boolean; matrix?: { shard?: number[] } };
  steps: Step[];
}

const doc = readFileSync(join(repoRoot, 'docs', 'ci.md'), 'utf8');
const block = /<!-- ci-workflow:start[^>]*-->\s*```yaml\n([\s\S]*?)```\s*<!-- ci-workflow:end -->/.exec(doc)?.[1];
const workflow = parse(block ?? '') as { on: unknown; jobs: Record<string, Job> };
const needs = (job: Job | undefined) => [job?.needs ?? []].flat();
const runs = (job: Job | undefined) => (job?.steps ?? []).flatMap((s) => (s.run ? [s.run] : []));
const artifacts = (job: Job | undefined, action: 'upload' | 'download') =>
  (job?.steps ?? []).filter((s) => s.uses?.startsWith(`actions/${action}-artifact@`)).map((s) => s.with ?? {});

describe('docs/ci.md workflow', () => {
  it('is one YAML block with three jobs: build, test, report', () => {
    expect(block).toBeDefined();
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'test', 'report']);
  });

  it('builds once and hands refs.json on', () => {
    const build = workflow.jobs.build;
    expect(needs(build)).toEqual([]);
    expect(runs(build)).toContain('npx tarmac build --push --refs refs.json');
    expect(artifacts(build, 'upload')).toContainEqual({ name: 'refs', path: 'refs.json' });
  });

  it('runs N shards after the build, each pulling only, with a shard spec tarmac accepts for every matrix entry', () => {
    const test = workflow.jobs.test;
    expect(needs(test)).toEqual(['build']);
    expect(test?.strategy?.['fail-fast']).toBe(false);
    const shards = test?.strategy?.matrix?.shard ?? [];
    expect(shards.length).toBeGreaterThanOrEqual(2);
    expect(artifacts(test, 'download')).toContainEqual({ name: 'refs' });
    const up = runs(test).find((r) => r.includes('tarmac up'));
    expect(up).toBe('npx tarmac up --pull-only --refs refs.json --shard ${{ matrix.shard }}/${{ strategy.job-total }}');
    // What GitHub substitutes for each matrix entry must parse as --shard I/N.
    for (const shard of shards)
      expect(parseShard(`${shard}/${shards.length}`)).toEqual({ index: shard, count: shards.length });
    const junit = artifacts(test, 'upload').find((a) => String(a.name).startsWith('junit-'));
    expect(junit).toMatchObject({ name: 'junit-${{ matrix.shard }}', path: 'e2e-results.xml' });
    expect(
      test?.steps.some((s) => s.if === 'failure()' && String(s.with?.path ?? '').startsWith('tarmac-bundles')),
    ).toBe(true);
  });

  it("merges every shard's JUnit after all shards, even when one failed", () => {
    const report = workflow.jobs.report;
    expect(needs(report)).toEqual(['test']);
    expect(report?.if).toBe('always()');
    expect(artifacts(report, 'download')).toContainEqual({ pattern: 'junit-*', path: 'junit' });
    expect(runs(report)).toContain('npx tarmac junit merge -o e2e.xml junit/*/e2e-results.xml');
  });

  it('takes registry credentials from the environment tarmac reads, never from the command line', () => {
    const env = (parse(block ?? '') as { env: Record<string, string> }).env;
    expect(Object.keys(env)).toEqual(['TARMAC_REGISTRY_USERNAME', 'TARMAC_REGISTRY_PASSWORD']);
    expect(env.TARMAC_REGISTRY_PASSWORD).toMatch(/^\$\{\{ secrets\./);
    const all = Object.values(workflow.jobs).flatMap((job) => runs(job));
    expect(all.length).toBeGreaterThan(0);
    for (const run of all) expect(run).not.toMatch(/password|--creds/i);
  });
});
