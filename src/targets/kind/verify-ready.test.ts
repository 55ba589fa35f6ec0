// verifyReady's wording follows what happened: a kubectl that failed at once never claims a timeout.
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { TarmacError } from '../../errors/errors.js';
import { fakeRunner, type FakeAnswer } from '../../exec/fake-runner.test-kit.js';
import type { KindDeps } from './kind-deps.js';
import { KindTools } from './kind-tools.js';
import { verifyReady } from './verify-ready.js';

const BUDGET_MS = 299_000;
const NO_KUBECONFIG =
  'error: error loading config file "/p/.tarmac/kube/e2e.kubeconfig": open /p/.tarmac/kube/e2e.kubeconfig: permission denied';

async function failure(answer: FakeAnswer): Promise<TarmacError> {
  const runner = fakeRunner(() => answer);
  const deps = {
    name: 'e2e',
    kubeconfig: '/p/.tarmac/kube/e2e.kubeconfig',
    tools: new KindTools(runner, createPodmanEngine(runner), '/p/.tarmac/kube/e2e.kubeconfig'),
    sleep: () => Promise.resolve(),
  } as unknown as KindDeps;
  const ctx = { signal: new AbortController().signal, output: () => {} };
  const error = await verifyReady(deps, ctx as never, BUDGET_MS).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TarmacError)) throw new Error(`expected a TarmacError, got ${String(error)}`);
  return error;
}

describe('verifyReady', () => {
  it('a kubectl that failed at once (unreadable kubeconfig) is not reported as a wait that ran out', async () => {
    const err = await failure({ exitCode: 1, stderr: NO_KUBECONFIG, durationMs: 80 });
    expect(err.code).toBe('CLUSTER_NOT_READY');
    expect(err.message).not.toMatch(/within/);
    expect(err.message).toBe(
      `kubectl could not check whether the nodes of kind cluster e2e are Ready: it failed after 80ms, without waiting: ${NO_KUBECONFIG}`,
    );
    expect(err.hint).toMatch(/^Nothing timed out: kubectl failed at once\. Check the kubeconfig tarmac wrote/);
  });

  it('a wait that used its whole budget still says the nodes did not become Ready within it', async () => {
    const err = await failure({
      exitCode: 1,
      stderr: 'error: timed out waiting for the condition on nodes/e2e-control-plane',
      durationMs: BUDGET_MS,
    });
    expect(err.message).toBe(
      'the nodes of kind cluster e2e did not become Ready within 4m59s: error: timed out waiting for the condition on nodes/e2e-control-plane',
    );
  });
});
