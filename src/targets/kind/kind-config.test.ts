import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedNodeNames, expectedNodesFromFile, nodeRoles } from './kind-config.js';

const dir = mkdtempSync(join(tmpdir(), 'kind-config-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kind node names', () => {
  it('names nodes like kind: first of a role without suffix, then 2, 3', () => {
    expect(expectedNodeNames('e2e', ['control-plane', 'worker', 'worker'])).toEqual([
      'e2e-control-plane',
      'e2e-worker',
      'e2e-worker2',
    ]);
  });

  it('adds the external load balancer when there are several control planes', () => {
    expect(expectedNodeNames('ha', ['control-plane', 'control-plane', 'worker'])).toEqual([
      'ha-external-load-balancer',
      'ha-control-plane',
      'ha-control-plane2',
      'ha-worker',
    ]);
  });

  it('reads roles from a config; no nodes means one control plane', () => {
    expect(nodeRoles({ kind: 'Cluster', nodes: [{ role: 'control-plane' }, { role: 'worker' }] })).toEqual([
      'control-plane',
      'worker',
    ]);
    expect(nodeRoles({ kind: 'Cluster' })).toEqual(['control-plane']);
  });

  it('reads the file; an unreadable one leaves the check to kind', async () => {
    const file = join(dir, 'kind.yaml');
    writeFileSync(
      file,
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n  - role: worker\n',
    );
    expect(await expectedNodesFromFile('c', file)).toEqual(['c-control-plane', 'c-worker']);
    expect(await expectedNodesFromFile('c', undefined)).toEqual(['c-control-plane']);
    expect(await expectedNodesFromFile('c', join(dir, 'missing.yaml'))).toBeUndefined();
  });
});
