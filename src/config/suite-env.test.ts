import { describe, expect, it } from 'vitest';
import { suitesEnv } from '../plan/suites.test-kit.js';
import { suiteClusterEnv, suiteClusterEnvs } from './suite-env.js';

describe('suiteClusterEnv', () => {
  const env = suitesEnv(['api'], [{ name: 'fleet', images: ['api'], clusters: { hub: ['data'], spoke: ['agent'] } }]);
  const fleet = env.suites![0]!;
  // The spoke's group waits for the hub's: that order is the suites plan's, not the spoke env's.
  fleet.deploy = fleet.deploy.map((g) => (g.name === 'agent' ? { ...g, after: ['data'] } : g));

  it("is the cluster's own env: its name, state dir, groups and the suite's test", () => {
    const spoke = suiteClusterEnv(env, fleet, fleet.clusters[1]!);
    expect(spoke.name).toBe('demo-fleet-spoke');
    expect(spoke.cluster.name).toBe('demo-fleet-spoke');
    expect(spoke.stateDir).toBe(`${env.stateDir}/suites/fleet-spoke`);
    expect(spoke.deploy.map((g) => [g.name, g.after])).toEqual([['agent', []]]);
    expect(spoke.test?.command).toEqual(['true']);
    expect(spoke.suites).toBeUndefined();
    expect(spoke.images).toBe(env.images);
    expect(spoke.historyPath).toBe(env.historyPath);
  });

  it('takes the cluster kind config, never the file-level one', () => {
    const withConfig = { ...env, cluster: { ...env.cluster, kindConfig: '/project/kind.yaml' } };
    expect(suiteClusterEnv(withConfig, fleet, fleet.clusters[0]!).cluster.kindConfig).toBeUndefined();
    const own = { ...fleet.clusters[0]!, kindConfig: '/project/hub.yaml' };
    expect(suiteClusterEnv(withConfig, fleet, own).cluster.kindConfig).toBe('/project/hub.yaml');
  });

  it('keys every cluster of every suite as <suite>/<cluster>', () => {
    expect([...suiteClusterEnvs(env, env.suites!).keys()]).toEqual(['fleet/hub', 'fleet/spoke']);
  });
});
