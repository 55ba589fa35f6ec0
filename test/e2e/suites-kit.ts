// Shared by the suites e2e files: a throwaway copy of examples/suites (beside the ../aianalysis it builds on, whose
// images are the shared ones: no cold build), `tarmac up --all` with one suite asked to fail, and the journal facts
// both targets must show (each image built once, the engine budget never exceeded, the others green).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import type { TarmacEvent } from '../../src/events/types.js';
import { peakRunningWeight, readJournal } from '../support/journal-checks.js';
import { repoRoot, runTarmac } from '../support/tarmac-cli.js';

/**
 * A copy of examples/suites and examples/aianalysis under one temp dir; returns the suites dir. `target` undefined
 * keeps the example's own (`auto`).
 */
export function copySuitesExample(envName: string, target?: 'podman' | 'kind'): string {
  const root = mkdtempSync(join(tmpdir(), `tarmac-${envName}-`));
  for (const name of ['aianalysis', 'suites'])
    cpSync(join(repoRoot, 'examples', name), join(root, name), {
      recursive: true,
      filter: (src) => !src.includes('/.tarmac'),
    });
  const dir = join(root, 'suites');
  const file = join(dir, 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  config.name = envName;
  if (target) config.cluster = { target };
  writeFileSync(file, stringify(config));
  return dir;
}

/** Removes the copy (the suites dir's parent). */
export function removeSuitesExample(dir: string): void {
  if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
}

/** `tarmac up --all --json` with the storage suite asked to fail. */
export async function upAllBreakingStorage(dir: string, env: Record<string, string> = {}, args: string[] = []) {
  const r = await runTarmac(['up', '--all', '--json', ...args, '-f', join(dir, 'tarmac.yaml')], {
    env: { SUITES_EXAMPLE_BREAK: 'storage', ...env },
  });
  const runs = join(dir, '.tarmac', 'runs');
  const run = join(runs, readdirSync(runs).sort().at(-1) ?? '');
  return { r, run, events: readJournal(run) };
}

/** What every target must show of that run. */
export function expectSuitesRun(out: { r: Awaited<ReturnType<typeof runTarmac>>; run: string; events: TarmacEvent[] }) {
  const { r, run, events } = out;
  // Only tests failed: exit 1.
  expect(r.exitCode, r.all).toBe(1);
  const started = events.find((e) => e.type === 'run.started');
  if (started?.type !== 'run.started') throw new Error('no run.started in the journal');
  // Each image is one build step of the one plan, and none ran twice (a cached build does not start at all).
  const builds = started.steps.filter((s) => s.kind === 'build').map((s) => s.subject);
  expect(builds.sort()).toEqual(['aianalysis', 'base', 'datastorage', 'holmesgpt-api']);
  const buildStarts = events.filter((e) => e.type === 'step.started' && e.stepId.startsWith('build:'));
  expect(new Set(buildStarts.map((e) => (e.type === 'step.started' ? e.stepId : ''))).size).toBe(buildStarts.length);
  // Four clusters (fleet has two), each created in the one run.
  expect(started.steps.filter((s) => s.kind === 'cluster').map((s) => s.id)).toEqual([
    'cluster:storage/main',
    'cluster:pipeline/main',
    'cluster:fleet/hub',
    'cluster:fleet/spoke',
  ]);
  // The engine budget: the steps running at once never claim more than the run's capacity, and the resource
  // events (what the scheduler held) never say more either.
  expect(peakRunningWeight(events)).toBeLessThanOrEqual(started.capacity);
  const held = events.flatMap((e) => (e.type === 'resource' ? [e] : []));
  expect(held.length).toBeGreaterThan(0);
  for (const e of held) expect(e.inUse).toBeLessThanOrEqual(e.capacity);
  const finished = new Map(events.flatMap((e) => (e.type === 'step.finished' ? [[e.stepId, e.state] as const] : [])));
  expect([finished.get('test:storage'), finished.get('test:pipeline'), finished.get('test:fleet')]).toEqual([
    'failed',
    'succeeded',
    'succeeded',
  ]);
  const json = JSON.parse(r.stdout) as {
    suites: { name: string; outcome: string; verdict?: string; tests?: { failed: number; passed: number } }[];
    junit: string;
  };
  expect(json.suites.map((s) => [s.name, s.outcome])).toEqual([
    ['storage', 'failed'],
    ['pipeline', 'passed'],
    ['fleet', 'passed'],
  ]);
  expect(json.suites[0]!.tests).toMatchObject({ failed: 1, passed: 2 });
  // The failed suite has its own triage; the green ones have none.
  const triage = JSON.parse(readFileSync(join(run, 'suites', 'storage', 'triage.json'), 'utf8')) as {
    verdicts: { ruleId: string }[];
  };
  expect(triage.verdicts[0]?.ruleId).toBe('tests-failed');
  expect(json.suites[0]!.verdict).toMatch(/tests ran and failed/i);
  expect(existsSync(join(run, 'suites', 'pipeline', 'triage.json'))).toBe(false);
  // One merged JUnit file with every suite's cases under its name.
  const merged = readFileSync(json.junit, 'utf8');
  for (const suite of ['storage', 'pipeline', 'fleet']) expect(merged).toContain(`<testsuite name="${suite}/`);
}
