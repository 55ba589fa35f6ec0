// A pod that reads a Secret (env, envFrom, a volume) on a podman whose kube play cannot hand it one fails its apply
// with PODMAN_TARGET_UNSUPPORTED (exit 2) naming the workload's file:line and each read, from podman's own failure
// (the outputs below are podman 4.3.1's, recorded on this machine); any other failure keeps its own error. podman
// answers from a fake runner: playing for real is what produced these outputs.
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { TarmacError } from '../../errors/errors.js';
import { fakeRunner } from '../../exec/fake-runner.test-kit.js';
import { playUnit } from './play.js';
import type { PlayUnit } from './play-plan.js';
import { podmanCli } from './podman-cli.js';
import { isSecretReadFailure, secretReadSupport, secretReads } from './secret-reads.js';
import { tempDirs } from '../../files/temp-dir.test-kit.js';

const newPodmanPlayDir = tempDirs('podman-play');

const spec = {
  initContainers: [{ name: 'wait', envFrom: [{ configMapRef: { name: 'cfg' } }, { secretRef: { name: 'tokens' } }] }],
  containers: [
    {
      name: 'app',
      env: [
        { name: 'USER', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'user' } } },
        { name: 'PW', valueFrom: { secretKeyRef: { name: 'store-credentials', key: 'password' } } },
      ],
    },
  ],
  volumes: [
    { name: 'certs', secret: { secretName: 'tls' } },
    { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
    { name: 'all', projected: { sources: [{ configMap: { name: 'cfg' } }, { secret: { name: 'more' } }] } },
  ],
};

const envFailure =
  "Error: cannot set env PW: secret store-credentials is not valid JSON: invalid character 'a' looking for beginning of value";
const volumeFailure = [
  'panic: runtime error: invalid memory address or nil pointer dereference',
  '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x11bbdc0]',
  'github.com/containers/podman/pkg/specgen/generate/kube.VolumeFromSecret(0xc00029d200, 0xc000573c38?)',
].join('\n');

describe('secretReads', () => {
  it('names every env, envFrom and volume that reads a Secret, and nothing that reads a ConfigMap or a claim', () => {
    expect(secretReads(spec)).toEqual([
      'container wait envFrom (secretRef tokens)',
      'container app env PW (secretKeyRef store-credentials/password)',
      'volume certs (secret tls)',
      'volume all (projected secret more)',
    ]);
    expect(secretReads({ containers: [{ name: 'app', env: [{ name: 'A', value: '1' }] }] })).toEqual([]);
  });

  it("recognises podman 4.3.1's two failures and no other", () => {
    expect(isSecretReadFailure(envFailure)).toBe(true);
    expect(isSecretReadFailure(volumeFailure)).toBe(true);
    expect(isSecretReadFailure('Error: configmap cfg not found')).toBe(false);
  });
});

async function play(stderr: string, podSpec: Record<string, unknown>): Promise<TarmacError> {
  const runner = fakeRunner((call) => (call.args[0] === 'kube' ? { exitCode: 125, stderr } : {}));
  const unit = {
    podName: 'tarmac-demo-store-0',
    workload: { kind: 'StatefulSet', name: 'store' },
    source: 'manifests/data/store.yaml:3',
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tarmac-demo-store-0' }, spec: podSpec },
    extras: [],
    aliases: [],
    publish: [],
    probes: {},
    images: [],
    volumes: [],
    secrets: [],
    completes: false,
    specHash: 'h',
  } satisfies PlayUnit;
  const error = await playUnit(unit, {
    cli: podmanCli(createPodmanEngine(runner)),
    network: 'tarmac-demo',
    playDir: newPodmanPlayDir(),
    previousPorts: {},
    timeoutMs: 10_000,
    insecure: false,
    signal: new AbortController().signal,
    output: () => undefined,
    removePod: async () => undefined,
  }).catch((e: unknown) => e);
  if (!(error instanceof TarmacError)) throw new Error(`expected a TarmacError, got ${String(error)}`);
  return error;
}

describe('playUnit when kube play cannot hand a Secret to a container', () => {
  it('fails with PODMAN_TARGET_UNSUPPORTED (exit 2) naming the workload, its file:line and each read', async () => {
    for (const stderr of [envFailure, volumeFailure]) {
      const error = await play(stderr, spec);
      expect(error.code).toBe('PODMAN_TARGET_UNSUPPORTED');
      expect(error.exitCode).toBe(2);
      expect(error.message).toBe(
        "StatefulSet/store (manifests/data/store.yaml:3): this podman's kube play cannot give a Secret to a container: container wait envFrom (secretRef tokens); container app env PW (secretKeyRef store-credentials/password); volume certs (secret tls); volume all (projected secret more)",
      );
      expect(error.hint).toMatch(/ConfigMap.*cluster\.target: kind/);
    }
  });

  it('keeps the failure its own error when the pod reads no Secret, or podman failed otherwise', async () => {
    for (const error of [await play(envFailure, { containers: [{ name: 'app' }] }), await play('Error: other', spec)]) {
      expect(error.code).not.toBe('PODMAN_TARGET_UNSUPPORTED');
      expect(error.message).toContain('podman kube play of StatefulSet/store (manifests/data/store.yaml:3) failed');
    }
  });
});

describe('secretReadSupport', () => {
  it('refuses podman before 4.4 (4.3.x plays Secrets but cannot hand them over), accepts 4.4 on', () => {
    expect(['4.3.1', '4.3.0', '4.2.0', '3.4.4'].map(secretReadSupport)).toEqual([false, false, false, false]);
    expect(['4.4.0', '4.9.3', '5.0.0-dev', 'v5.2.1'].map(secretReadSupport)).toEqual([true, true, true, true]);
  });

  it('says nothing of a version it cannot read', () => {
    expect(secretReadSupport('unknown')).toBeUndefined();
  });
});
