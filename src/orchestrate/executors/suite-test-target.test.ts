import { describe, expect, it } from 'vitest';
import { suiteTestTarget } from './suite-test-target.js';

const view = (endpoints: Record<string, string>, env: Record<string, string>) => ({
  endpoints: () => Promise.resolve(endpoints),
  testEnv: () => env,
});

describe('suiteTestTarget', () => {
  it('passes one cluster through unchanged, plus its variables under its name', async () => {
    const one = suiteTestTarget([{ name: 'main', target: view({ web: 'http://a' }, { KUBECONFIG: '/k/main' }) }]);
    expect(await one.endpoints()).toEqual({ web: 'http://a' });
    expect(one.testEnv()).toEqual({ KUBECONFIG: '/k/main', TARMAC_CLUSTER_MAIN_KUBECONFIG: '/k/main' });
  });

  it("gives every cluster's services under the cluster's name, the first cluster's also plainly", async () => {
    const fleet = suiteTestTarget([
      { name: 'hub', target: view({ store: 'http://hub:1', web: 'http://hub:2' }, { KUBECONFIG: '/k/hub' }) },
      { name: 'spoke', target: view({ web: 'http://spoke:3' }, { KUBECONFIG: '/k/spoke' }) },
    ]);
    expect(await fleet.endpoints()).toEqual({
      store: 'http://hub:1',
      web: 'http://hub:2',
      'hub-store': 'http://hub:1',
      'hub-web': 'http://hub:2',
      'spoke-web': 'http://spoke:3',
    });
    expect(fleet.testEnv()).toEqual({
      KUBECONFIG: '/k/hub',
      TARMAC_CLUSTER_HUB_KUBECONFIG: '/k/hub',
      TARMAC_CLUSTER_SPOKE_KUBECONFIG: '/k/spoke',
    });
  });
});
