// Issue 14, eighth round: kind's own error heading (`ERROR: failed to create cluster: ...`, kind's cmd/kind/app prints it
// for every failure) is no engine refusing a node. Beside kind's progress mark `✗ Preparing nodes` only the engine's
// words (docker's `Error response from daemon`, podman's `Error: `, a denied permission, a cgroup) make kind-node-start
// claim 70%.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const create = (...lines: string[]) => ({
  phase: 'cluster-create' as const,
  output: [
    'Creating cluster "kind" ...',
    ' \u2713 Ensuring node image (kindest/node:v1.27.3) \ud83d\uddbc',
    ...lines,
  ].join('\n'),
});

describe("kind's progress mark with kind's own error heading", () => {
  it('a failure kind names without the engine refusing a node stays below 50%', async () => {
    const d = await diagnoseShape(
      create(
        ' \u2717 Preparing nodes \ud83d\udce6',
        'ERROR: failed to create cluster: failed to get docker info: exit status 1',
      ),
    );
    expect(d.of('kind-node-start')).toBeCloseTo(0.45);
  });

  // kind 0.5 and older printed the same heading through cobra as `Error: ...` (kubernetes-sigs/kind#306, #884).
  it("kind's older `Error: failed to create cluster` heading is kind's too: below 50%", async () => {
    const d = await diagnoseShape(
      create(
        ' \u2717 Preparing nodes \ud83d\udce6',
        'Error: failed to create cluster: failed to get docker info: exit status 1',
      ),
    );
    expect(d.of('kind-node-start')).toBeCloseTo(0.45);
  });

  it("the engine's own words after the mark: 70%", async () => {
    const d = await diagnoseShape(
      create(
        ' \u2717 Preparing nodes \ud83d\udce6',
        'ERROR: failed to create cluster: command "podman run --hostname kind-control-plane --name kind-control-plane kindest/node:v1.27.3" failed with error: exit status 126',
        'Command Output: Error: crun: mount `proc` to `proc`: Operation not permitted: OCI permission denied',
      ),
    );
    expect(d.top).toBe('kind-node-start');
    expect(d.confidence).toBeCloseTo(0.7);
  });

  it("docker's Error response from daemon after the mark: 70%", async () => {
    const d = await diagnoseShape(
      create(
        ' \u2717 Preparing nodes \ud83d\udce6',
        'docker: Error response from daemon: open /dev/dma_heap: permission denied.',
      ),
    );
    expect(d.top).toBe('kind-node-start');
    expect(d.confidence).toBeCloseTo(0.7);
  });
});
