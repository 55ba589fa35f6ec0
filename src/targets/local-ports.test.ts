// Free local ports are drawn below the kernel's ephemeral range, so an outgoing connection cannot take one first.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ephemeralStart, freePort, portIsFree } from './local-ports.js';

describe('freePort', () => {
  it('returns a bindable port below the ephemeral range', async () => {
    const ports = await Promise.all(Array.from({ length: 5 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(ephemeralStart());
      expect(await portIsFree(port)).toBe(true);
    }
  });

  it('portIsFree says no for a port someone listens on', async () => {
    const server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    expect(await portIsFree(port)).toBe(false);
    await new Promise((resolve) => server.close(resolve));
  });
});
