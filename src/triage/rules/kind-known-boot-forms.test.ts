// Issue 14, ninth round: node-boot failures kind's known issues name by their message
// (kubernetes-sigs/kind site/content/docs/user/known-issues.md): `"init": true` in the engine's daemon.json puts
// another init before systemd, whose `/sbin/init` then prints `Couldn't find an alternative telinit implementation to
// spawn` ("Docker init daemon config"); an old kernel without cgroup namespaces makes docker discard kind's
// `--cgroupns=private` (`WARNING: Your kernel does not support cgroup namespaces.  Cgroup namespace setting
// discarded.`, "Older Linux Distributions"). Both are a node that did not boot.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const create = (...lines: string[]) => ({ phase: 'cluster-create' as const, output: lines.join('\n') });
const PREPARING = [
  'Creating cluster "kind" ...',
  ' \u2713 Ensuring node image (kindest/node:v1.29.2) \uD83D\uDDBC',
  ' \u2717 Preparing nodes \uD83D\uDCE6',
];

describe("the node-boot failures kind's known issues name", () => {
  it("systemd not PID 1: Couldn't find an alternative telinit implementation to spawn", async () => {
    const d = await diagnoseShape(
      create(
        "Couldn't find an alternative telinit implementation to spawn.",
        'ERROR: failed to create cluster: could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"',
      ),
    );
    expect(d.top).toBe('kind-systemd-boot');
  });

  it("telinit's words alone in the node's output are systemd not booting", async () => {
    const d = await diagnoseShape(create("Couldn't find an alternative telinit implementation to spawn."));
    expect(d.top).toBe('kind-systemd-boot');
  });

  it('an old kernel without cgroup namespaces', async () => {
    const d = await diagnoseShape(
      create(
        ...PREPARING,
        'ERROR: failed to create cluster: command "docker run --name kind-control-plane --hostname kind-control-plane --privileged --cgroupns=private kindest/node:v1.29.2" failed with error: exit status 125',
        'Command Output: WARNING: Your kernel does not support cgroup namespaces.  Cgroup namespace setting discarded.',
      ),
    );
    expect(['kind-node-start', 'kind-node-cgroups']).toContain(d.top);
    expect(d.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it("near miss: telinit's name in a test's output is not the node", async () => {
    const d = await diagnoseShape({ phase: 'test', output: 'telinit: not found' });
    expect(d.of('kind-systemd-boot')).toBe(0);
  });
});
