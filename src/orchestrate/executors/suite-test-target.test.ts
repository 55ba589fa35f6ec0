import { describe, expect, it } from 'vitest';
import type { ClusterTarget } from '../../targets/types.js';
import { suiteLiveTarget, suiteTestTarget } from './suite-test-target.js';

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

describe('suiteLiveTarget', () => {
  const cluster = (name: string, healthy: boolean, problems: string[] = []) => ({
    name,
    target: {
      type: 'kind',
      status: () =>
        Promise.resolve({
          exists: true,
          healthy,
          problems,
          nodes: [{ name: `${name}-cp`, state: 'running' }],
          createdByTarmac: true,
        }),
      endpoints: () => Promise.resolve({ web: `http://${name}` }),
      testEnv: () => ({ KUBECONFIG: `/k/${name}` }),
    } as unknown as ClusterTarget,
  });

  it('is healthy only when every cluster is, naming each problem with its cluster', async () => {
    const up = suiteLiveTarget([cluster('hub', true), cluster('spoke', true)]);
    expect(await up.status()).toMatchObject({ exists: true, healthy: true, problems: [] });
    const half = suiteLiveTarget([cluster('hub', true), cluster('spoke', false, ['node container stopped'])]);
    const state = await half.status();
    expect(state.healthy).toBe(false);
    expect(state.problems).toEqual(['spoke: node container stopped']);
    expect(state.nodes.map((n) => n.name)).toEqual(['hub-cp', 'spoke-cp']);
    expect(await half.endpoints()).toMatchObject({ web: 'http://hub', 'spoke-web': 'http://spoke' });
    expect(half.type).toBe('kind');
  });
});
