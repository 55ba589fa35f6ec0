// One `kubectl port-forward svc/<service> -n <namespace> <local>:<port> --address 127.0.0.1` child: started, then
// ready once kubectl prints "Forwarding from 127.0.0.1:<local> -> <pod port>" (kubectl's own line), running until
// it drops or `signal` aborts.
import type { CommandResult } from '../../exec/types.js';
import type { KindTools } from './kind-tools.js';
import type { ServicePort } from './service-ports.js';

/** A started forward: `ready` resolves with the pod port when kubectl listens, rejects with why it ended first. */
export interface RunningForward {
  ready: Promise<{ podPort: number }>;
  ended: Promise<CommandResult>;
}

/** The argv after `kubectl --kubeconfig K`. */
export function forwardArgs(sp: ServicePort, localPort: number): string[] {
  return [
    'port-forward',
    '-n',
    sp.namespace,
    `svc/${sp.service}`,
    `${String(localPort)}:${String(sp.port)}`,
    '--address',
    '127.0.0.1',
  ];
}

/** kubectl's ready line for this local port: the pod port it forwards to, or undefined. */
export function forwardingTo(line: string, localPort: number): number | undefined {
  const match = /^Forwarding from 127\.0\.0\.1:(\d+) -> (\d+)$/.exec(line.trim());
  return match && Number(match[1]) === localPort ? Number(match[2]) : undefined;
}

/** Starts one forward; `onLine` sees kubectl's other lines ("Handling connection for ..."). */
export function startForward(
  tools: KindTools,
  sp: ServicePort,
  localPort: number,
  signal: AbortSignal,
  onLine: (line: string) => void = () => {},
): RunningForward {
  let markReady: (value: { podPort: number }) => void = () => {};
  const ready = new Promise<{ podPort: number }>((resolve) => {
    markReady = resolve;
  });
  const ended = tools.kubectlUntilStopped(forwardArgs(sp, localPort), {
    signal,
    // kubectl ends at once on SIGTERM; a long grace would only delay tarmac's exit.
    killGraceMs: 1000,
    onLine: (line) => {
      const podPort = forwardingTo(line, localPort);
      if (podPort !== undefined) markReady({ podPort });
      else onLine(line);
    },
  });
  return {
    ended,
    // Whichever comes first: the ready line, or the end of kubectl (then it never got ready).
    ready: Promise.race([
      ready,
      ended.then((result): never => {
        throw Object.assign(new Error('kubectl port-forward ended before it listened'), { result });
      }),
    ]),
  };
}
