import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose.js';
import { inputOf, journal, runOf } from '../triage.test-kit.js';
import { otherCheckoutError } from '../../targets/other-checkout.js';
import { toEventError } from '../../events/event-error.js';
import { envOtherCheckout } from './env-other-checkout.js';

const id = { env: 'shop', project: 'p1', projectPath: '/work/b/tarmac.yaml' };

// The error exactly as the podman target throws it, through the journal's event form.
const clusterFailed = (labels: Record<string, string>) =>
  inputOf(
    runOf(
      journal([
        {
          id: 'cluster',
          error: toEventError(otherCheckoutError('podman network tarmac-shop', labels, id)),
        },
      ]),
    ),
  );

describe('env-other-checkout', () => {
  it('names the other checkout from the typed fact and tops the triage', () => {
    const input = clusterFailed({ 'io.tarmac.project-path': '/work/a/tarmac.yaml' });
    const d = diagnose(input);
    expect(d.verdicts[0]?.ruleId).toBe('env-other-checkout');
    expect(d.verdicts[0]?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(d.verdicts[0]?.summary).toContain('(/work/a/tarmac.yaml)');
    expect(d.verdicts[0]?.summary).toContain('podman network tarmac-shop is its');
    expect(d.verdicts[0]?.actions[0]).toBe(
      "tarmac down -f /work/a/tarmac.yaml   # if that checkout's env is no longer needed",
    );
    expect(d.verdicts[0]?.evidence[0]).toMatch(/^journal cluster \[ENV_OTHER_CHECKOUT\]: env shop is up from/);
  });

  it('still fits when the labels do not name the checkout', () => {
    const m = envOtherCheckout.match(clusterFailed({ 'io.tarmac.project': 'p2' }));
    expect(m?.summary).not.toContain('(/');
    expect(m?.actions[0]).toMatch(/^run `tarmac down` in the other checkout/);
  });

  it('does not fit another failure', () => {
    const input = inputOf(
      runOf(journal([{ id: 'cluster', error: { code: 'CLUSTER_CREATE_FAILED', message: 'kind create failed' } }])),
    );
    expect(envOtherCheckout.match(input)).toBeUndefined();
  });
});
