// Free TCP ports on 127.0.0.1 for what tarmac publishes or forwards (the podman target's host ports, kind's
// port-forwards).
// Why not simply listen on port 0: the kernel hands out the same ephemeral range to every outgoing connection, so a
// port read back that way can be taken by the next connection on this host before podman or kubectl binds it
// ("bind: address already in use"). Ports are drawn below that range instead, and checked free.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const HOST_IP = '127.0.0.1';
/** How many random ports below the ephemeral range are tried before falling back to the kernel's choice. */
const TRIES = 32;
/** The lowest port drawn: above the well-known and common service ports. */
const LOWEST = 20_000;

/** Whether `port` can be bound on 127.0.0.1 right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST_IP, () => server.close(() => resolve(true)));
  });
}

/** A port free on 127.0.0.1 now, drawn below the kernel's ephemeral range (it may still be taken before use). */
export async function freePort(): Promise<number> {
  const below = ephemeralStart();
  if (below - 1 > LOWEST) {
    for (let i = 0; i < TRIES; i++) {
      const port = randomInt(LOWEST, below);
      if (await portIsFree(port)) return port;
    }
  }
  return kernelPort();
}

/** The first port of the kernel's ephemeral range (Linux: ip_local_port_range; 32768 by default). */
export function ephemeralStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > 1024 ? first : 32_768;
  } catch {
    return 32_768;
  }
}

function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST_IP, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
