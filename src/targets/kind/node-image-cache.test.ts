// The kind target reads which images its nodes hold once per command, and verifies every load on a fresh reading,
// over a fake process boundary answering like podman 4.3.1 and the node's crictl.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Env } from '../../config/types.js';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner, type FakeAnswer, type FakeCall } from '../../exec/fake-runner.test-kit.js';
import type { TargetContext } from '../types.js';
import { createKindTarget } from './kind-target.js';

const root = mkdtempSync(join(tmpdir(), 'node-image-cache-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NODE = {
  Id: 'a1b2c3',
  Names: ['e2e-control-plane'],
  State: 'running',
  Image: 'localhost/tarmac-standin-node:x',
  Labels: { 'io.x-k8s.kind.cluster': 'e2e', 'io.x-k8s.kind.role': 'control-plane' },
};
const HELD = 'localhost/base:tm-111111111111';
const NEW = 'localhost/api:tm-222222222222';

/** A healthy one-node cluster holding HELD; after a `kind load`, the node holds NEW as well. */
function cluster() {
  const images = [HELD];
  const answer = (call: FakeCall): FakeAnswer => {
    const line = [call.cmd, ...call.args].join(' ');
    if (line.startsWith('podman ps -a')) return { stdout: JSON.stringify([NODE]) };
    if (line === 'podman exec e2e-control-plane crictl images -o json')
      return { stdout: JSON.stringify({ images: images.map((ref) => ({ repoTags: [ref] })) }) };
    if (line.startsWith('podman save')) return {};
    if (line.startsWith('kind load image-archive')) {
      images.push(NEW);
      return {};
    }
    return { exitCode: 1, stderr: `unexpected call: ${line}` };
  };
  const runner = fakeRunner(answer);
  const env: Env = {
    name: 'e',
    file: join(root, 'tarmac.yaml'),
    dir: root,
    stateDir: join(root, '.tarmac'),
    historyPath: join(root, '.tarmac', 'history.db'),
    engine: { type: 'podman' },
    images: [],
    deploy: [],
    capacity: 1,
    cluster: { target: 'kind', name: 'e2e', reuse: 'healthy' },
    timeouts: { build: 1, cluster: 1, deliver: 1, deploy: 1, test: 1, stall: 1, heartbeat: 1, engineRecovery: 1 },
  };
  const kind = createKindTarget({
    env,
    runner,
    engine: createPodmanEngine(runner),
    stateDir: env.stateDir,
    runId: 'r',
    createTimeoutMs: 1000,
    tarmacVersion: '0.0.0-test',
  });
  const count = (prefix: string) => runner.calls.filter((c) => [c.cmd, ...c.args].join(' ').startsWith(prefix)).length;
  return { kind, count };
}

const ctx = { signal: new AbortController().signal, output: () => {} } as unknown as TargetContext;

describe('kind target: one reading of the nodes per command', () => {
  it('asks the node once for any number of checks of images it holds', async () => {
    const { kind, count } = cluster();
    expect(await kind.hasImage(HELD)).toBe(true);
    expect(await kind.deliver(HELD, ctx)).toBe('present');
    expect(await kind.hasImage(NEW)).toBe(false);
    expect(count('podman ps -a')).toBe(1);
    expect(count('podman exec e2e-control-plane crictl images')).toBe(1);
  });

  it('verifies a load on a fresh reading, and later checks see the loaded image', async () => {
    const { kind, count } = cluster();
    expect(await kind.hasImage(NEW)).toBe(false);
    expect(await kind.deliver(NEW, ctx)).toBe('delivered');
    expect(count('kind load image-archive')).toBe(1);
    // The check before the load reused the first reading; the verification read the node again.
    expect(count('podman exec e2e-control-plane crictl images')).toBe(2);
    expect(await kind.hasImage(NEW)).toBe(true);
    expect(count('podman exec e2e-control-plane crictl images')).toBe(2);
  });
});
