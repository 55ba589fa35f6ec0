// One kubectl for pods and events; the pods alone (without events) when the joint read fails.
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner, type FakeAnswer, type FakeCall } from '../../exec/fake-runner.test-kit.js';
import { KindTools } from './kind-tools.js';
import { readPodsAndEvents } from './pods-and-events.js';

const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop' } };
const EVENT = { apiVersion: 'v1', kind: 'Event', reason: 'ErrImageNeverPull', metadata: { name: 'web-1.x' } };
const list = (items: unknown[]) => JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: {} });
const FORBIDDEN =
  'Error from server (Forbidden): events is forbidden: User "dev" cannot list resource "events" in API group "" in the namespace "shop"';

function tools(answer: (call: FakeCall) => FakeAnswer) {
  const runner = fakeRunner(answer);
  return { tools: new KindTools(runner, createPodmanEngine(runner), '/k/config'), runner };
}

describe('readPodsAndEvents', () => {
  it('reads both kinds with one kubectl and splits them', async () => {
    const { tools: t, runner } = tools(() => ({ stdout: list([POD, EVENT]) }));
    const read = await readPodsAndEvents(t, { namespace: 'shop' }, { timeoutMs: 1000 });
    expect(read).toMatchObject({ pods: [POD], events: [EVENT] });
    expect(runner.calls.map((c) => [c.cmd, ...c.args].join(' '))).toEqual([
      'kubectl --kubeconfig /k/config get pods,events -n shop -o json',
    ]);
  });

  it('falls back to the pods alone when the joint read fails, and keeps both calls for the record', async () => {
    const { tools: t, runner } = tools((call) =>
      call.args.includes('pods,events') ? { exitCode: 1, stderr: FORBIDDEN } : { stdout: list([POD]) },
    );
    const read = await readPodsAndEvents(t, 'all', { timeoutMs: 1000, prefix: ['--request-timeout=3s'] });
    expect(read).toMatchObject({ pods: [POD], events: [] });
    expect(read.result.ok).toBe(true);
    expect(read.calls).toHaveLength(2);
    expect(runner.calls.at(-1)?.args).toEqual([
      '--kubeconfig',
      '/k/config',
      '--request-timeout=3s',
      'get',
      'pods',
      '-A',
      '-o',
      'json',
    ]);
  });

  it('reports the failure of the pods-only read, does not retry a timed-out read, and gives no pods for an answer that is not a List', async () => {
    const refused = tools(() => ({ exitCode: 1, stderr: 'The connection to the server 127.0.0.1:1 was refused' }));
    const failed = await readPodsAndEvents(refused.tools, 'all', { timeoutMs: 1000 });
    expect(failed.result.ok).toBe(false);
    expect(failed.pods).toBeUndefined();
    const slow = tools(() => ({ exitCode: undefined, timedOut: true }));
    const timedOut = await readPodsAndEvents(slow.tools, 'all', { timeoutMs: 1000 });
    expect(timedOut.result.timedOut).toBe(true);
    expect(slow.runner.calls).toHaveLength(1);
    const garbled = tools(() => ({ stdout: '{"items": [' }));
    expect((await readPodsAndEvents(garbled.tools, 'all', { timeoutMs: 1000 })).pods).toBeUndefined();
  });
});
