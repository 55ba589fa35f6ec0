// The multi-suite plan under the real scheduler: shared builds run once, a suite waiting for memory runs after the
// suite it waits for even when that one fails, and a failing suite skips only its own steps.
import { describe, expect, it } from 'vitest';
import { TarmacError } from '../errors/errors.js';
import { planSuites } from '../plan/suites-plan.js';
import { GiB, suitesEnv } from '../plan/suites.test-kit.js';
import type { StepExecutor } from '../plan/step-executor.js';
import { runPlan } from './scheduler.js';
import { capacityViolations, eventsOf, testBus } from './scheduler.test-kit.js';

describe('a multi-suite run', () => {
  it('keeps the other suites green when one fails, and runs the suite waiting on it for memory', async () => {
    const env = suitesEnv(
      ['base', 'api'],
      [
        { name: 'a', images: ['base', 'api'], memoryBytes: 3 * GiB },
        { name: 'b', images: ['api'], memoryBytes: 3 * GiB },
        { name: 'c', images: ['base'], memoryBytes: 3 * GiB },
      ],
      { memoryBytes: 7 * GiB },
    );
    const { plan, waits } = planSuites(env, {
      suites: ['a', 'b', 'c'],
      target: 'kind',
      cachedImages: new Set(),
      withTest: true,
    });
    expect(waits.map((w) => w.suite)).toEqual(['c']);
    const calls: string[] = [];
    const execute: StepExecutor = (step) => {
      calls.push(step.id);
      if (step.id === 'test:a') return Promise.reject(new TarmacError('TESTS_FAILED', '1 test failed'));
      return Promise.resolve({ state: 'succeeded' });
    };
    const bus = testBus();
    const summary = await runPlan(plan, {
      bus,
      capacity: 2,
      signal: new AbortController().signal,
      execute,
      heartbeatMs: 60_000,
    });

    expect(calls.filter((id) => id.startsWith('build:')).sort()).toEqual(['build:api', 'build:base']);
    expect(summary.states.get('test:a')).toBe('failed');
    expect(summary.states.get('test:b')).toBe('succeeded');
    expect(summary.states.get('test:c')).toBe('succeeded');
    const gated = plan.steps.find((s) => s.id === 'cluster:c/main')!;
    for (const waitedFor of gated.after ?? [])
      expect(calls.indexOf(waitedFor)).toBeLessThan(calls.indexOf('cluster:c/main'));
    expect(capacityViolations(bus.history)).toEqual([]);
    expect(eventsOf(bus.history, 'step.finished').filter((e) => e.state === 'skipped')).toEqual([]);
  });

  it('with --fail-fast starts nothing after the first failure, and says so on each skipped step', async () => {
    const env = suitesEnv(
      ['api'],
      [
        { name: 'a', images: ['api'] },
        { name: 'b', images: ['api'] },
      ],
    );
    const { plan } = planSuites(env, { suites: ['a', 'b'], target: 'podman', cachedImages: new Set(), withTest: true });
    const execute: StepExecutor = (step) =>
      step.id === 'build:api'
        ? Promise.reject(new TarmacError('BUILD_FAILED', 'api failed to build'))
        : Promise.resolve({ state: 'succeeded' });
    const bus = testBus();
    const summary = await runPlan(plan, {
      bus,
      capacity: 2,
      signal: new AbortController().signal,
      execute,
      heartbeatMs: 60_000,
      failFast: true,
    });
    // The clusters start beside the build (nothing has failed yet); after it fails nothing new starts.
    const started = eventsOf(bus.history, 'step.started').map((e) => e.stepId);
    expect(started.sort()).toEqual(['build:api', 'cluster:a/main', 'cluster:b/main']);
    const skipped = eventsOf(bus.history, 'step.finished').filter((e) => e.state === 'skipped');
    expect(skipped.map((e) => e.stepId).sort()).toEqual([
      'deliver:a/main/api',
      'deliver:b/main/api',
      'deploy:a/main/app',
      'deploy:b/main/app',
      'test:a',
      'test:b',
    ]);
    expect(summary.outcome).toBe('failed');
  });

  it('without --fail-fast runs everything the failure does not block', async () => {
    const env = suitesEnv(
      ['api', 'web'],
      [
        { name: 'a', images: ['api'] },
        { name: 'b', images: ['web'] },
      ],
    );
    const { plan } = planSuites(env, { suites: ['a', 'b'], target: 'podman', cachedImages: new Set(), withTest: true });
    const execute: StepExecutor = (step) =>
      step.id === 'build:api'
        ? Promise.reject(new TarmacError('BUILD_FAILED', 'api failed to build'))
        : Promise.resolve({ state: 'succeeded' });
    const summary = await runPlan(plan, {
      bus: testBus(),
      capacity: 2,
      signal: new AbortController().signal,
      execute,
      heartbeatMs: 60_000,
    });
    expect(summary.states.get('test:a')).toBe('skipped');
    expect(summary.states.get('test:b')).toBe('succeeded');
  });
});
