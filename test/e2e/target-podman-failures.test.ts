// The deploy fixtures on the podman target, for real: each fails within its deadline with the right
// reason (crash loop with exit code and log tail, missing image, readiness probe never passing), and
// a Service whose port differs from its targetPort is refused at apply time.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TarmacError } from '../../src/errors/errors.js';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { runCommand } from '../../src/exec/run-command.js';
import { classifyPod } from '../../src/kube/classify-pod.js';
import { waitReady } from '../../src/kube/wait-ready.js';
import type { RenderedGroup } from '../../src/kube/types.js';
import { createPodmanTarget } from '../../src/targets/podman/index.js';
import type { ClusterTarget } from '../../src/targets/types.js';
import {
  buildFixtureImages,
  context,
  deployFixtures,
  fixtureEnv,
  podman,
  renderedGroups,
  waitForPods,
  cleanupWithRetry,
} from '../fixtures/deploy/support.js';
import { hasPodman, uniqueName } from '../support/podman-env.js';

const label = uniqueName('tpf');
let refs = new Map<string, string>();
let target: ClusterTarget;
const stateDirs: string[] = [];

// A target for one fixture project, on this test's env (one env name, one network, for all fixtures).
async function targetFor(
  fixture: string,
): Promise<{ target: ClusterTarget; group: RenderedGroup; deadlineMs: number }> {
  const env = await fixtureEnv(join(deployFixtures, fixture, 'tarmac.yaml'), label);
  stateDirs.push(env.stateDir);
  const t = createPodmanTarget({
    env,
    runner: runCommand,
    engine: createPodmanEngine(runCommand),
    stateDir: env.stateDir,
    runId: 'run-1',
  });
  const [group] = await renderedGroups(env, refs);
  if (!group) throw new Error(`${fixture} has no deploy group`);
  return { target: t, group, deadlineMs: env.timeouts.deploy };
}

describe.skipIf(!(await hasPodman()) && process.env.CI !== 'true')(
  'podman target: deploy fixtures fail with the right reason',
  () => {
    beforeAll(async () => {
      refs = await buildFixtureImages(label);
    });

    afterAll(async () => {
      await target?.down().catch(() => undefined);
      await cleanupWithRetry(label);
      for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
    });

    it('crash-loop: CrashLoopBackOff with the last exit code and the log tail, before the deadline', async () => {
      const fixture = await targetFor('crash-loop');
      target = fixture.target;
      await target.ensure(context());
      await target.apply(fixture.group, context());
      const lines: string[] = [];
      const error = await waitReady({
        group: fixture.group,
        pods: (s) => target.pods(fixture.group, s),
        deadlineMs: fixture.deadlineMs,
        intervalMs: 500,
        signal: AbortSignal.timeout(90_000),
        output: (l) => lines.push(l),
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      // What the wait saw, if it ever takes the crash loop for ready. Seen under load until the judgment measured a
      // container's run up to its inspect, not up to the (later) moment of judging (pod-view.ts runningFor).
      const seen = async () => `${lines.join('\n')}\n${JSON.stringify(await target.pods(fixture.group), null, 1)}`;
      expect(
        error,
        error instanceof TarmacError ? '' : `the wait resolved; what it saw:\n${await seen()}`,
      ).toBeInstanceOf(TarmacError);
      const failure = error as TarmacError;
      expect(failure.code, failure.message).toBe('DEPLOY_FAILED');
      expect(failure.message).toMatch(/CrashLoopBackOff/);
      expect(failure.message).toMatch(/last exit code 3/);
      expect(failure.details.join('\n')).toContain('crasher: fatal: /etc/crasher/config.yaml: no such file');
      // Detected before the deadline, by cause not by clock: a deadline that passed gives DEPLOY_TIMEOUT, and the
      // loop was stopped at its third restart (below), not left to run until the deadline.
      const [pod] = await target.pods(fixture.group);
      expect(pod?.owner).toEqual({ kind: 'Deployment', name: 'crasher' });
      expect(pod?.containers[0]?.restartCount).toBeGreaterThanOrEqual(3);
      // podman restarts without back-off: tarmac stopped the loop once it saw it, and kept its evidence.
      expect(pod?.containers[0]).toMatchObject({
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 3 } },
      });
      expect(pod?.events?.map((e) => e.message).join('\n')).toMatch(/tarmac stopped crash-looping container crasher/);
      const restarts = async (): Promise<string> =>
        podman(['inspect', '--format', '{{.State.Status}} {{.RestartCount}}', `tarmac-${label}-crasher-crasher`]);
      const stoppedAt = await restarts();
      expect(stoppedAt).toMatch(/^exited \d+$/);
      for (const until = Date.now() + 1500; Date.now() < until;) expect(await restarts()).toBe(stoppedAt);
      await target.down();
    });

    it('missing-image: the apply fails at once with IMAGE_NOT_FOUND naming the image, and leaves no pod', async () => {
      const fixture = await targetFor('missing-image');
      target = fixture.target;
      await target.ensure(context());
      const error = await target.apply(fixture.group, context()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TarmacError);
      const failure = error as TarmacError;
      expect(failure.code).toBe('IMAGE_NOT_FOUND');
      expect(failure.message).toContain('localhost/tarmac-fixture-does-not-exist:tm-000000000000');
      expect(failure.details.join('\n')).toMatch(/Deployment\/ghost \(manifests\/ghost\.yaml:\d+\)/);
      expect(await podman(['pod', 'ps', '-q', '--filter', `label=io.tarmac.env=${label}`])).toBe('');
      await target.down();
    });

    it('never-ready: ReadinessProbeFailing with the probe message when the deadline passes', async () => {
      const fixture = await targetFor('never-ready');
      target = fixture.target;
      await target.ensure(context());
      await target.apply(fixture.group, context());
      const pods = await waitForPods(
        target,
        fixture.group,
        (p) => p.some((pod) => classifyPod(pod).reason === 'ReadinessProbeFailing'),
        30_000,
      );
      expect(classifyPod(pods[0]!).detail).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
      const started = Date.now();
      const error = await waitReady({
        group: fixture.group,
        pods: (s) => target.pods(fixture.group, s),
        deadlineMs: fixture.deadlineMs,
        intervalMs: 1000,
        signal: AbortSignal.timeout(60_000),
        output: () => undefined,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const failure = error as TarmacError;
      expect(failure.code, String(error)).toBe('DEPLOY_TIMEOUT');
      expect(failure.message).toMatch(
        /Deployment\/sleepy: ReadinessProbeFailing \(Readiness probe failed: HTTP probe failed with statuscode: 404\)/,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(fixture.deadlineMs - 100);
      // The server itself is up: the same port answers /health, only the probed path fails.
      const endpoints = await target.endpoints();
      expect((await fetch(`${endpoints.sleepy}/health`)).status).toBe(200);
      await target.down();
    });
  },
);
