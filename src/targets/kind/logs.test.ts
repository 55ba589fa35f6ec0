// `tarmac logs` argv on both targets, and which pods of a kind cluster are the env's (namespaces included).
import { describe, expect, it } from 'vitest';
import { kubectlLogArgs, podmanLogArgs } from '../log-args.js';
import { logSourcesFromPods } from './logs.js';

const pod = (namespace: string, name: string, owner?: { kind: string; name: string }, init: string[] = []) => ({
  metadata: { namespace, name, ...(owner ? { ownerReferences: [owner] } : {}) },
  spec: { initContainers: init.map((n) => ({ name: n })), containers: [{ name: 'main' }] },
});

describe('logSourcesFromPods', () => {
  it("lists init containers and containers of the env's pods, with the workload that owns each, outside kind's namespaces", () => {
    const list = {
      items: [
        pod('kube-system', 'coredns-abc', { kind: 'ReplicaSet', name: 'coredns-5d78c9869d' }),
        pod('shop', 'api-7d9f8c6b5-x2k4p', { kind: 'ReplicaSet', name: 'api-7d9f8c6b5' }, ['migrate']),
        pod('data', 'db-0', { kind: 'StatefulSet', name: 'db' }),
        pod('default', 'debug'),
      ],
    };
    expect(logSourcesFromPods(list)).toEqual([
      { workload: 'api', namespace: 'shop', pod: 'api-7d9f8c6b5-x2k4p', container: 'migrate' },
      { workload: 'api', namespace: 'shop', pod: 'api-7d9f8c6b5-x2k4p', container: 'main' },
      { workload: 'db', namespace: 'data', pod: 'db-0', container: 'main' },
      { workload: 'debug', namespace: 'default', pod: 'debug', container: 'main' },
    ]);
  });
});

describe('log argv', () => {
  const source = { workload: 'db', namespace: 'data', pod: 'db-0', container: 'main' };
  it('asks kubectl for one container in its namespace, following and since as asked', () => {
    expect(kubectlLogArgs(source, { follow: false })).toEqual(['logs', '-n', 'data', 'db-0', '-c', 'main']);
    expect(kubectlLogArgs(source, { follow: true, sinceMs: 90_500 })).toEqual([
      'logs',
      '-n',
      'data',
      'db-0',
      '-c',
      'main',
      '--follow',
      '--since=91s',
    ]);
  });

  it('asks podman for one container by id', () => {
    expect(podmanLogArgs('c0ffee', { follow: true, sinceMs: 600_000 })).toEqual([
      'logs',
      '--follow',
      '--since=600s',
      'c0ffee',
    ]);
    expect(podmanLogArgs('c0ffee', { follow: false })).toEqual(['logs', 'c0ffee']);
  });
});
