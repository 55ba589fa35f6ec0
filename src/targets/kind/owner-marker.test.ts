// The owner marker over a fake process boundary: a healthy cluster tarmac has no record of is reused only when it
// carries no marker or this checkout's; another checkout's stops the up with ENV_OTHER_CHECKOUT (exit 3) naming it.
// The outputs are those the kind/kubectl stand-ins and podman 4.3.1 print.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectIdentity } from '../../config/project-identity.js';
import type { FakeAnswer, FakeCall } from '../../exec/fake-runner.test-kit.js';
import { e2eNode, fakeKindTarget, kindTestEnv } from './kind-target.test-kit.js';
import { markerObject } from './owner-marker.js';

const root = mkdtempSync(join(tmpdir(), 'owner-marker-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NOT_FOUND = 'Error from server (NotFound): configmaps "tarmac-owner" not found';

/** A healthy cluster `e2e`; `marker` answers `kubectl get configmap tarmac-owner`. */
function healthyCluster(marker: FakeAnswer) {
  return (call: FakeCall): FakeAnswer => {
    const line = [call.cmd, ...call.args].join(' ');
    if (line === 'kind get clusters') return { stdout: 'e2e' };
    if (line.startsWith('podman ps -a')) return { stdout: JSON.stringify([e2eNode('running')]) };
    if (line === 'kind get kubeconfig --name e2e') return { stdout: 'apiVersion: v1\nkind: Config' };
    if (call.cmd === 'kubectl' && call.args.includes('/readyz')) return { stdout: 'ok' };
    if (call.cmd === 'kubectl' && call.args.includes('configmap')) return marker;
    return { exitCode: 1, stderr: `unexpected call: ${line}` };
  };
}

/** The env of checkout `dir`: project `shop`, kind cluster `e2e`. */
const checkout = (dir: string) => kindTestEnv(join(root, dir), { name: 'shop' });

/** The kind target of checkout `dir` on a machine whose cluster `e2e` has the marker `marker`. */
function targetFor(dir: string, marker: FakeAnswer) {
  return fakeKindTarget(checkout(dir), healthyCluster(marker));
}

/** `ensure()` of checkout `dir` against a cluster whose marker is `marker`. */
async function ensure(dir: string, marker: FakeAnswer) {
  const { kind, runner } = targetFor(dir, marker);
  const result = kind.ensure({ signal: new AbortController().signal, output: () => undefined });
  return { result, runner };
}

const markerOf = (dir: string): FakeAnswer => ({
  stdout: JSON.stringify(markerObject({ env: checkout(dir) }), null, 4),
});

describe('kind owner marker', () => {
  it("stops an up that meets another checkout's cluster of the same name, naming that checkout (exit 3)", async () => {
    const { result, runner } = await ensure('b', markerOf('a'));
    await expect(result).rejects.toMatchObject({
      code: 'ENV_OTHER_CHECKOUT',
      exitCode: 3,
      message: `env shop is up from the checkout of ${join(root, 'a', 'tarmac.yaml')}: kind cluster e2e belongs to it, not to ${join(root, 'b', 'tarmac.yaml')}`,
    });
    const marker = runner.calls.find((c) => c.args.includes('configmap'));
    expect(marker?.args.slice(2)).toEqual(['get', 'configmap', 'tarmac-owner', '-n', 'kube-system', '-o', 'json']);
  });

  it('reuses a cluster without a marker (made by hand or by an older tarmac), as before', async () => {
    const { result } = await ensure('c', { exitCode: 1, stderr: NOT_FOUND });
    await expect(result).resolves.toMatchObject({ action: 'reused' });
  });

  it("reuses a cluster carrying this checkout's own marker (its record was lost)", async () => {
    const { result } = await ensure('d', markerOf('d'));
    await expect(result).resolves.toMatchObject({ action: 'reused' });
  });

  it('does not reuse a cluster whose marker cannot be read', async () => {
    const refused =
      'The connection to the server 127.0.0.1:40123 was refused - did you specify the right host or port?';
    const { result } = await ensure('e', { exitCode: 1, stderr: refused });
    await expect(result).rejects.toMatchObject({
      code: 'KIND_COMMAND_FAILED',
      message: expect.stringContaining(refused),
    });
  });

  it("down leaves another checkout's cluster and the delivery archives named after it (they may be in flight)", async () => {
    const archive = join(
      tmpdir(),
      `tarmac-inflight-kind-e2e-${process.pid.toString(16).padStart(8, '0').slice(-8)}.tar`,
    );
    writeFileSync(archive, '');
    try {
      const { kind, runner } = targetFor('f', markerOf('a'));
      expect(await kind.down()).toEqual({ removed: [], keptForeign: ['kind cluster e2e (tarmac did not create it)'] });
      expect(existsSync(archive)).toBe(true);
      expect(runner.calls.some((c) => c.cmd === 'kind' && c.args[0] === 'delete')).toBe(false);
    } finally {
      rmSync(archive, { force: true });
    }
  });

  it('marks with the identity labels the podman target uses; the path goes in the data (no label may hold it)', () => {
    const env = checkout('a');
    const id = projectIdentity(env.file);
    expect(markerObject({ env })).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'tarmac-owner',
        namespace: 'kube-system',
        labels: { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'shop', 'io.tarmac.project': id.id },
      },
      data: {
        'io.tarmac.managed': 'true',
        'io.tarmac.env': 'shop',
        'io.tarmac.project': id.id,
        'io.tarmac.project-path': id.path,
      },
    });
  });
});
