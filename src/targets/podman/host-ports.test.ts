// Publishing ports: hostPort/hostIP written into the pod spec, previous host ports reused when free.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../kube/types.js';
import { freePort, portIsFree } from '../local-ports.js';
import { chooseHostPorts, withHostPorts } from './host-ports.js';

const pod = (containers: unknown[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers },
});
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('withHostPorts', () => {
  it('adds hostPort and hostIP to the declared port, or a new port entry on the first container', () => {
    const input = pod([
      { name: 'a', ports: [{ name: 'http', containerPort: 8080 }] },
      { name: 'b', ports: [{ containerPort: 9000, hostPort: 19000 }] },
    ]);
    const out = withHostPorts(input, { '8080': 31000, '7070': 31001, '9000': 31002 });
    expect(out.spec).toEqual({
      containers: [
        {
          name: 'a',
          ports: [
            { name: 'http', containerPort: 8080, hostPort: 31000, hostIP: '127.0.0.1' },
            { containerPort: 7070, hostPort: 31001, hostIP: '127.0.0.1' },
          ],
        },
        // A hostPort the manifest sets is the user's choice: kept.
        { name: 'b', ports: [{ containerPort: 9000, hostPort: 19000 }] },
      ],
    });
    expect(input.spec).toEqual({
      containers: [
        { name: 'a', ports: [{ name: 'http', containerPort: 8080 }] },
        { name: 'b', ports: [{ containerPort: 9000, hostPort: 19000 }] },
      ],
    });
  });
});

describe('chooseHostPorts', () => {
  it('keeps a previous host port that is still free and replaces one that is taken', async () => {
    const free = await freePort();
    const taken = await freePort();
    const server = createServer();
    servers.push(server);
    await new Promise<void>((r) => server.listen(taken, '127.0.0.1', () => r()));
    expect(await portIsFree(taken)).toBe(false);
    const chosen = await chooseHostPorts([8080, 9090, 7070], { '8080': free, '9090': taken });
    expect(chosen['8080']).toBe(free);
    expect(chosen['9090']).not.toBe(taken);
    expect(await portIsFree(chosen['9090']!)).toBe(true);
    expect(chosen['7070']).toBeGreaterThan(0);
  });
});
