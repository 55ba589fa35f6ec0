// The port-forward supervisor over a scripted kubectl: argv, kubectl's ready line, restart after a drop on the kept
// port (said through notify), ENDPOINT_FORWARD_FAILED with kubectl's own error, and everything stopping with the lifetime.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeResult } from '../../exec/fake-runner.test-kit.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../exec/types.js';
import { PortBook } from './forward-ports.js';
import { ForwardSupervisor } from './forwards.js';
import { KindTools } from './kind-tools.js';
import type { ServicePort } from './service-ports.js';

interface Child {
  args: string[];
  drop: (stderr: string) => void;
  ended: boolean;
}

/** A runner whose `kubectl port-forward` prints kubectl's ready line and runs until dropped or cancelled. */
function scriptedKubectl(refuse?: string): CommandRunner & { children: Child[] } {
  const children: Child[] = [];
  const runner = (cmd: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> =>
    new Promise((resolve) => {
      const child: Child = { args: [...args], drop: () => {}, ended: false };
      children.push(child);
      const end = (fields: Parameters<typeof fakeResult>[0]) => {
        if (child.ended) return;
        child.ended = true;
        resolve(fakeResult({ command: `${cmd} ${args.join(' ')}`, ...fields }));
      };
      if (refuse) {
        options.onLine?.(refuse, 'stderr');
        return end({ exitCode: 1, stderr: refuse });
      }
      const [local, remote] = (args.find((a) => /^\d+:\d+$/.test(a)) ?? '0:0').split(':');
      options.onLine?.(`Forwarding from 127.0.0.1:${local ?? ''} -> ${remote ?? ''}`, 'stdout');
      child.drop = (stderr) => end({ exitCode: 1, stderr });
      options.signal?.addEventListener('abort', () => end({ exitCode: undefined, signal: 'SIGTERM', cancelled: true }));
    });
  return Object.assign(runner, { children });
}

const api: ServicePort = { namespace: 'shop', service: 'api', port: 80, endpoint: 'api' };
const db: ServicePort = { namespace: 'data', service: 'db', port: 5432, endpoint: 'db' };

let dir: string;
let lifetime = new AbortController();
beforeEach(() => {
  lifetime = new AbortController();
});
afterEach(() => {
  lifetime.abort();
  rmSync(dir, { recursive: true, force: true });
});

function supervisor(runner: CommandRunner, signal: AbortSignal, notes: string[] = []) {
  dir = mkdtempSync(join(tmpdir(), 'tarmac-forwards-'));
  const tools = new KindTools(runner, createPodmanEngine(runner), '/p/.tarmac/kube/e2e.kubeconfig');
  return new ForwardSupervisor({
    tools,
    book: new PortBook(join(dir, 'e2e.forwards.json')),
    lifetime: signal,
    notify: (line) => notes.push(line),
    sleep: () => Promise.resolve(),
    readyTimeoutMs: 5000,
  });
}

/** Resolves once `check` holds, polling the event loop (no fixed sleeps). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setImmediate(r));
  expect(check()).toBe(true);
}

describe('ForwardSupervisor', () => {
  it('starts one kubectl port-forward per Service port, namespace-aware, on 127.0.0.1 only, and reuses it', async () => {
    const kubectl = scriptedKubectl();
    const forwards = supervisor(kubectl, lifetime.signal);
    const views = await forwards.ensure([api, db]);
    // The two start side by side, so which child came first is not part of the contract.
    expect(kubectl.children.map((c) => c.args.slice(2, 5).join(' ')).sort()).toEqual([
      'port-forward -n data',
      'port-forward -n shop',
    ]);
    const local = views[0]?.localPort ?? 0;
    expect(kubectl.children.find((c) => c.args.includes('svc/api'))?.args).toEqual([
      '--kubeconfig',
      '/p/.tarmac/kube/e2e.kubeconfig',
      'port-forward',
      '-n',
      'shop',
      'svc/api',
      `${String(local)}:80`,
      '--address',
      '127.0.0.1',
    ]);
    expect(views.map((v) => [v.endpoint, v.url, v.state])).toEqual([
      ['api', `http://127.0.0.1:${String(local)}`, 'forwarding'],
      ['db', `http://127.0.0.1:${String(views[1]?.localPort)}`, 'forwarding'],
    ]);
    await forwards.ensure([api, db]);
    expect(kubectl.children).toHaveLength(2);
  });

  it('restarts a dropped forward on the same local port and says so', async () => {
    const kubectl = scriptedKubectl();
    const notes: string[] = [];
    const forwards = supervisor(kubectl, lifetime.signal, notes);
    const [before] = await forwards.ensure([api]);
    kubectl.children[0]?.drop('error: lost connection to pod');
    await until(() => notes.length === 2);
    const port = String(before?.localPort);
    expect(notes).toEqual([
      `port-forward svc/api -n shop 80 (127.0.0.1:${port}) dropped: error: lost connection to pod; restarting`,
      `port-forward svc/api -n shop 80 restarted on 127.0.0.1:${port}`,
    ]);
    const [after] = await forwards.ensure([api]);
    expect(after).toMatchObject({ localPort: before?.localPort, state: 'forwarding', restarts: 1 });
    expect(kubectl.children).toHaveLength(2);
  });

  it('stops every forward when the lifetime ends, without restarting them', async () => {
    const kubectl = scriptedKubectl();
    const notes: string[] = [];
    const own = new AbortController();
    const forwards = supervisor(kubectl, own.signal, notes);
    await forwards.ensure([api, db]);
    own.abort();
    await until(() => kubectl.children.every((c) => c.ended));
    expect(kubectl.children).toHaveLength(2);
    expect(notes).toEqual([]);
  });

  it("fails with kubectl's own error when a forward cannot start, and tries again on the next ensure", async () => {
    const refusal = 'error: unable to forward port because pod is not running. Current status=Pending';
    const forwards = supervisor(scriptedKubectl(refusal), lifetime.signal);
    const failure = forwards.ensure([api]);
    await expect(failure).rejects.toMatchObject({
      code: 'ENDPOINT_FORWARD_FAILED',
      message: `port-forward svc/api -n shop 80 could not start: ${refusal}`,
    });
    await expect(forwards.ensure([api])).rejects.toMatchObject({ code: 'ENDPOINT_FORWARD_FAILED' });
  });
});

describe('PortBook', () => {
  let holder: Server | undefined;
  afterEach(() => void holder?.close());

  it('keeps a port per Service port across instances, and replaces one something else took', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tarmac-ports-'));
    const file = join(dir, 'c.forwards.json');
    const first = await new PortBook(file).portFor('shop/api:80');
    expect(await new PortBook(file).portFor('shop/api:80')).toBe(first);
    holder = createServer();
    await new Promise<void>((resolve) => holder?.listen(first, '127.0.0.1', resolve));
    const replaced = await new PortBook(file).portFor('shop/api:80');
    expect(replaced).not.toBe(first);
    expect(new PortBook(file).kept('shop/api:80')).toBe(replaced);
  });
});
