// The kind target reads which images its nodes hold once per command, and verifies every load on a fresh reading,
// over a fake process boundary answering like podman 4.3.1 and the node's crictl.
import { describe, expect, it } from 'vitest';
import type { FakeAnswer, FakeCall } from '../../exec/fake-runner.test-kit.js';
import { tempDirs } from '../../files/temp-dir.test-kit.js';
import type { TargetContext } from '../types.js';
import { e2eNode, fakeKindTarget, kindTestEnv } from './kind-target.test-kit.js';

const root = tempDirs('node-image-cache-test')();

const HELD = 'localhost/base:tm-111111111111';
const NEW = 'localhost/api:tm-222222222222';

/** A healthy one-node cluster holding HELD; after a `kind load`, the node holds NEW as well. */
function cluster() {
  const images = [HELD];
  const answer = (call: FakeCall): FakeAnswer => {
    const line = [call.cmd, ...call.args].join(' ');
    if (line.startsWith('podman ps -a')) return { stdout: JSON.stringify([e2eNode('running')]) };
    if (line === 'podman exec e2e-control-plane crictl images -o json')
      return { stdout: JSON.stringify({ images: images.map((ref) => ({ repoTags: [ref] })) }) };
    if (line.startsWith('podman save')) return {};
    if (line.startsWith('kind load image-archive')) {
      images.push(NEW);
      return {};
    }
    return { exitCode: 1, stderr: `unexpected call: ${line}` };
  };
  const { kind, runner } = fakeKindTarget(kindTestEnv(root), answer);
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
