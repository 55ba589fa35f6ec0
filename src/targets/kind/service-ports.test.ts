// Which Services of a cluster are the env's endpoints, and under which names.
import { describe, expect, it } from 'vitest';
import { servicePortsFrom } from './service-ports.js';

const svc = (namespace: string, name: string, ports: object[], selector: object | null = { app: name }) => ({
  metadata: { namespace, name },
  spec: { ports, ...(selector ? { selector } : {}) },
});

describe('servicePortsFrom', () => {
  it("lists every TCP port of the env's selector Services, and none of kind's own", () => {
    const list = {
      items: [
        svc('default', 'kubernetes', [{ port: 443 }], null),
        svc('kube-system', 'kube-dns', [{ port: 53, protocol: 'UDP' }, { port: 9153 }]),
        svc('shop', 'api', [{ port: 80 }, { port: 9090, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }]),
        svc('shop', 'external', [{ port: 80 }], null),
        svc('default', 'db', [{ port: 5432 }]),
      ],
    };
    expect(servicePortsFrom(list)).toEqual([
      { namespace: 'default', service: 'db', port: 5432, endpoint: 'db' },
      { namespace: 'shop', service: 'api', port: 80, endpoint: 'api' },
      { namespace: 'shop', service: 'api', port: 9090, endpoint: 'api-9090' },
    ]);
  });

  it('names a Service that two namespaces share by namespace too', () => {
    const list = { items: [svc('b', 'api', [{ port: 80 }]), svc('a', 'api', [{ port: 80 }])] };
    expect(servicePortsFrom(list).map((p) => p.endpoint)).toEqual(['api.a', 'api.b']);
  });

  it('reads nothing from output that is not a list', () => {
    expect(servicePortsFrom(null)).toEqual([]);
    expect(servicePortsFrom({ items: 'x' })).toEqual([]);
  });
});
