// The pieces the kind target's unit tests share: an env on kind, the node container podman lists for cluster
// `e2e`, and the kind target over a fake process boundary.
import { join } from 'node:path';
import type { Env } from '../../config/types.js';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner, type FakeAnswer, type FakeCall } from '../../exec/fake-runner.test-kit.js';
import { createKindTarget } from './kind-target.js';

/** `podman ps -a --format json`'s entry for the control-plane node of kind cluster `e2e`, in `state`. */
export function e2eNode(state: 'running' | 'exited') {
  return {
    Id: 'a1b2c3',
    Names: ['e2e-control-plane'],
    State: state,
    Image: 'localhost/tarmac-standin-node:x',
    Labels: { 'io.x-k8s.kind.cluster': 'e2e', 'io.x-k8s.kind.role': 'control-plane' },
  };
}

/** An env named `name` in `dir` whose cluster is the kind cluster `cluster`. */
export function kindTestEnv(
  dir: string,
  {
    name = 'e',
    cluster = 'e2e',
    reuse = 'healthy',
  }: { name?: string; cluster?: string; reuse?: 'healthy' | 'never' } = {},
): Env {
  const stateDir = join(dir, '.tarmac');
  return {
    name,
    file: join(dir, 'tarmac.yaml'),
    dir,
    stateDir,
    historyPath: join(stateDir, 'history.db'),
    engine: { type: 'podman' },
    images: [],
    deploy: [],
    capacity: 1,
    cluster: { target: 'kind', name: cluster, reuse },
    timeouts: { build: 1, cluster: 1, deliver: 1, deploy: 1, test: 1, stall: 1, heartbeat: 1, engineRecovery: 1 },
  };
}

/** The kind target of `env` over a fake runner answering with `answer`. */
export function fakeKindTarget(env: Env, answer: (call: FakeCall) => FakeAnswer) {
  const runner = fakeRunner(answer);
  const kind = createKindTarget({
    env,
    runner,
    engine: createPodmanEngine(runner),
    stateDir: env.stateDir,
    runId: 'r',
    createTimeoutMs: 1000,
    tarmacVersion: '0.0.0-test',
  });
  return { kind, runner };
}
