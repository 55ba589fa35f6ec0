// Running one readiness probe action from the host: HTTP GET and TCP connect go to the container
// port's published 127.0.0.1 port; exec runs in the container with `podman exec`.
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import type { PodmanCli } from './podman-cli.js';
import type { ProbeAction } from './pod-spec.js';
import type { ProbeOutcome } from './pod-view.js';

export interface ProbeTarget {
  containerId: string;
  /** Container port -> `127.0.0.1:12345`. */
  hostPorts: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

const failed = (message: string): ProbeOutcome => ({ ready: false, message: `Readiness probe failed: ${message}` });

/** Runs the probe action once. */
export function runProbe(action: ProbeAction, target: ProbeTarget, cli: PodmanCli): Promise<ProbeOutcome> {
  if (action.type === 'exec') return execProbe(action.command, target, cli);
  const address = target.hostPorts[String(action.port)];
  if (!address)
    return Promise.resolve(
      failed(`container port ${action.port} is not published to the host, so tarmac cannot probe it`),
    );
  return action.type === 'httpGet'
    ? httpProbe(action.scheme, address, action.path, target.timeoutMs)
    : tcpProbe(address, target.timeoutMs);
}

// Why node:http and node:https are required when a probe runs, not imported with the module: they take about 10 and
// 7 ms to load here, on the start of every command that uses the podman target, `tarmac test` among them (issue 16).
// A require, not import(): the bundle runs in a vm.Script, where import() needs a loader hook node 20 added late.
const lazyRequire = createRequire(import.meta.url);

/** Kubernetes' rule: any status from 200 to 399 is success. */
export function httpProbe(
  scheme: 'HTTP' | 'HTTPS',
  address: string,
  path: string,
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const url = `${scheme.toLowerCase()}://${address}${path.startsWith('/') ? path : `/${path}`}`;
  const { request } =
    scheme === 'HTTPS'
      ? (lazyRequire('node:https') as typeof import('node:https'))
      : (lazyRequire('node:http') as typeof import('node:http'));
  return new Promise((resolve) => {
    // Like the kubelet, no certificate verification for HTTPS probes.
    const req = request(
      url,
      { method: 'GET', timeout: timeoutMs, rejectUnauthorized: false, headers: { 'user-agent': 'tarmac-probe' } },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        resolve(
          status >= 200 && status < 400 ? { ready: true } : failed(`HTTP probe failed with statuscode: ${status}`),
        );
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`context deadline exceeded (Client.Timeout exceeded while awaiting headers)`)),
    );
    req.on('error', (error) => resolve(failed(`Get "${url}": ${error.message}`)));
    req.end();
  });
}

/** Success when a TCP connection opens. */
export function tcpProbe(address: string, timeoutMs: number): Promise<ProbeOutcome> {
  const [host = '127.0.0.1', port = '0'] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port), timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve({ ready: true });
    });
    socket.once('timeout', () => socket.destroy(new Error('i/o timeout')));
    socket.once('error', (error) => resolve(failed(`dial tcp ${address}: ${error.message}`)));
  });
}

async function execProbe(command: string[], target: ProbeTarget, cli: PodmanCli): Promise<ProbeOutcome> {
  if (command.length === 0) return failed('exec probe has no command');
  const result = await cli.run(['exec', target.containerId, ...command], {
    timeoutMs: target.timeoutMs,
    signal: target.signal,
    tailLines: 5,
  });
  if (result.ok) return { ready: true };
  const output = result.tail.join(' ').trim();
  return failed(
    result.timedOut
      ? `command timed out after ${target.timeoutMs}ms`
      : `exit code ${String(result.exitCode)}${output ? `: ${output}` : ''}`,
  );
}
