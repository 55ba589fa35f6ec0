// Triage of kind workload failures through the CLI: the kubectl stand-in reports pods as the scheduler and
// kubelet would (nodeSelector → FailedScheduling, a missing ConfigMap → CreateContainerConfigError, a missing
// ServiceAccount → no pod and a ReplicaSet FailedCreate event).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kindScenarios, topVerdict } from './triage-kind-kit.js';
import { up } from './triage-scenario-kit.js';

const kit = kindScenarios('triage-kind3');
// Selector and ServiceAccount never resolve, so the deploy wait ends at this limit (short, with room for slow kubectl polls).
const SHORT = { timeouts: { deploy: '12s', heartbeat: '2s' } };
beforeAll(() => kit.setup());
afterAll(() => kit.cleanup());

describe('triage of kind workload failures (stand-ins, real podman)', () => {
  it('an env var from a ConfigMap no manifest defines: missing-config-ref (CreateContainerConfigError)', async () => {
    const { dir, standin } = kit.make('tri-cfgref', {
      extra: SHORT,
      container: {
        command: ['/bin/busybox', 'sleep', '600'],
        env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-settings', key: 'mode' } } }],
      },
    });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const top = topVerdict(dir, 'missing-config-ref');
    expect(top.summary).toMatch(/configmap app-settings does not exist/i);
  });

  it('a serviceAccountName no manifest defines: missing-serviceaccount (ReplicaSet FailedCreate, no pod at all)', async () => {
    const { dir, standin } = kit.make('tri-sa', { extra: SHORT });
    const file = join(dir, 'manifests/app.yaml');
    const deployment = parse(readFileSync(file, 'utf8')) as { spec: { template: { spec: Record<string, unknown> } } };
    deployment.spec.template.spec.serviceAccountName = 'app-sa';
    writeFileSync(file, stringify(deployment));
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const top = topVerdict(dir, 'missing-serviceaccount');
    expect(top.summary).toMatch(/ServiceAccount app-sa does not exist/);
  });

  it("a nodeSelector no node satisfies: unschedulable (FailedScheduling, didn't match)", async () => {
    const { dir, standin } = kit.make('tri-sched', { extra: SHORT });
    const file = join(dir, 'manifests/app.yaml');
    const deployment = parse(readFileSync(file, 'utf8')) as { spec: { template: { spec: Record<string, unknown> } } };
    deployment.spec.template.spec.nodeSelector = { disktype: 'ssd' };
    writeFileSync(file, stringify(deployment));
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const top = topVerdict(dir, 'unschedulable');
    expect(top.evidence.join('\n')).toMatch(/didn't match Pod's node affinity\/selector/);
  });
});
