// A container that keeps crashing, in the kubelet's event alone and with its own Go panic (issue 14), each with a
// near miss.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { diagnose } from '../diagnose.js';
import { inputOf, journal, kindEnv, runOf, workloads } from '../triage.test-kit.js';
import type { PodFacts } from '../types.js';
import { crashLoop } from './crash-loop.js';
import { pod as kitPod } from './deploy-rules.test-kit.js';

const deploy = runOf(
  journal([
    { id: 'deploy:api', error: { code: 'DEPLOY_TIMEOUT' as EventError['code'], message: 'deploy:api failed' } },
  ]),
  kindEnv('shop-e2e'),
);

/** The unready api pod of the deploy-rule kit, named as the kubelet's events below name it. */
const pod = (extra: Partial<PodFacts>): PodFacts => kitPod({ name: 'api-0', images: [], ...extra });

describe('a container that keeps crashing', () => {
  it("the kubelet's `Back-off restarting failed container` event alone is the crash loop", () => {
    const p = pod({ events: ['Back-off restarting failed container api in pod api-0_default(abc)'] });
    expect(crashLoop.match(inputOf(deploy, { workloads: workloads([p]) }))?.confidence).toBe(0.75);
  });

  it('its own Go panic in the log is what the verdict names, not an unexplained crash marker', () => {
    const p = pod({
      reasons: ['CrashLoopBackOff'],
      restarts: 4,
      logTail: ['panic: open /etc/app/config.yaml: no such file or directory'],
    });
    const top = diagnose(inputOf(deploy, { workloads: workloads([p]) })).verdicts[0];
    expect(top?.ruleId).toBe('crash-loop');
    expect(top?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('near miss: a pod that is merely not ready, with no restart and no back-off, is no crash loop', () => {
    const p = pod({ events: ['Readiness probe failed: HTTP probe failed with statuscode: 503'] });
    expect(crashLoop.match(inputOf(deploy, { workloads: workloads([p]) }))).toBeUndefined();
  });
});
