import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import {
  apiRefused,
  engineOk,
  inputOf,
  journal,
  kindCluster,
  kindEnv,
  ports,
  recordedRun,
  runOf,
} from '../triage.test-kit.js';
import { hostPortInUse } from './host-port-in-use.js';
import { kindMountMissing } from './kind-mount-missing.js';
import { kindNameCollision } from './kind-name-collision.js';
import { kindNetworkConflict } from './kind-network-conflict.js';
import { kindNodeStopped } from './kind-node-stopped.js';
import { kindRootless } from './kind-rootless.js';
import { kindSystemdBoot } from './kind-systemd-boot.js';
import { kubeadmFailed } from './kubeadm-failed.js';

const C = 'shop-e2e';
const env = kindEnv(C, { kindConfig: '/work/shop/kind.yaml' });

/** A failed cluster step as tarmac records CLUSTER_CREATE_FAILED: kind's error line, then its last output lines. */
function createFailed(line: string, tail: string[] = []): EventError {
  return {
    code: 'CLUSTER_CREATE_FAILED',
    message: `kind create cluster ${C} failed: ${line}`,
    tail: [...tail, `ERROR: failed to create cluster: ${line}`, '(left-over nodes deleted)'],
  };
}
const clusterRun = (error: EventError) => runOf(journal([{ id: 'build:api' }, { id: 'cluster', error }]), env);

describe('kind-node-stopped', () => {
  const deliver = journal([
    { id: 'cluster' },
    {
      id: 'deliver:api',
      error: {
        code: 'NODE_UNAVAILABLE',
        message: `could not list the images on kind node ${C}-control-plane: can only create exec sessions on running containers: container state improper`,
      },
    },
  ]);

  it('matches a listed cluster with an exited node and a refusing API', () => {
    const m = kindNodeStopped.match(
      inputOf(runOf(deliver, env), { engine: engineOk(), clusters: kindCluster(C, 'exited', apiRefused(41234)) }),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/shop-e2e-control-plane is exited and its API refuses connections/);
    expect(m.actions[1]).toBe(`podman start ${C}-control-plane && kubectl --context kind-${C} get --raw /readyz`);
  });

  it('is lowered when the journal shows an engine crash (the node is its casualty)', () => {
    const m = kindNodeStopped.match(
      inputOf(
        { ...recordedRun('engine-lost'), env },
        { engine: engineOk(), clusters: kindCluster(C, 'exited', apiRefused()) },
      ),
    )!;
    expect(m.confidence).toBeLessThan(0.85);
  });

  it('near miss: the node runs and the API answers', () => {
    expect(
      kindNodeStopped.match(
        inputOf(runOf(deliver, env), { clusters: kindCluster(C, 'running', { ok: true, detail: '/readyz: ok' }) }),
      ),
    ).toBeUndefined();
  });
});

describe('kind-rootless-delegation', () => {
  it("matches kind's Delegate=yes refusal", () => {
    const m = kindRootless.match(
      inputOf(
        clusterRun(
          createFailed(
            'running kind with rootless provider requires setting systemd property "Delegate=yes", see https://kind.sigs.k8s.io/docs/user/rootless/',
          ),
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.9);
    expect(m.actions[0]).toMatch(/Delegate=yes/);
  });
  it('near miss: rootless engine with all controllers delegated and a create that failed otherwise', () => {
    const run = clusterRun(
      createFailed('could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"'),
    );
    expect(
      kindRootless.match(
        inputOf(run, { engine: engineOk({ rootless: true, cgroupControllers: ['cpu', 'memory', 'pids', 'io'] }) }),
      ),
    ).toBeUndefined();
  });
});

describe('kind-systemd-boot', () => {
  it('matches the multi-user log wait timing out', () => {
    const m = kindSystemdBoot.match(
      inputOf(
        clusterRun(
          createFailed(
            'could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"',
            [' ✗ Preparing nodes 📦 ', `Deleted nodes: ["${C}-control-plane"]`],
          ),
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.actions[0]).toBe(`kind create cluster --name ${C} --retain   # keep the node to read its boot log`);
  });
  it('near miss: a build log mentioning multi-user is not a cluster failure', () => {
    const run = runOf(
      journal([
        {
          id: 'build:api',
          error: {
            code: 'BUILD_FAILED',
            message: 'image api failed to build (exited 1)',
            tail: ['Reached target Multi-User System'],
          },
        },
      ]),
      env,
    );
    expect(kindSystemdBoot.match(inputOf(run))).toBeUndefined();
  });
});

describe('kind-name-collision', () => {
  it('matches kind\'s "already exist" and names the cleanup', () => {
    const m = kindNameCollision.match(
      inputOf(clusterRun(createFailed(`node(s) already exist for a cluster with the name "${C}"`))),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.actions).toContain(`kind delete cluster --name ${C}   # only if nothing else uses it`);
  });
  it('near miss: a cluster that merely exists and works', () => {
    expect(
      kindNameCollision.match(
        inputOf(recordedRun('build-failed', env), {
          clusters: kindCluster(C, 'running', { ok: true, detail: '/readyz: ok' }),
        }),
      ),
    ).toBeUndefined();
  });
});

describe('host-port-in-use', () => {
  const line =
    'command "podman run --name shop-e2e-control-plane --hostname shop-e2e-control-plane --label io.x-k8s.kind.role=control-plane --publish=127.0.0.1:38080:80/tcp" failed with error: exit status 126';
  it("matches podman's bind error and names the port", () => {
    const run = clusterRun(
      createFailed(line, [
        'Command Output: Error: cannot listen on the TCP port: listen tcp4 127.0.0.1:38080: bind: address already in use',
      ]),
    );
    const m = hostPortInUse.match(
      inputOf(run, {
        ports: ports([{ port: 38080, inUse: true, by: 'python3 (pid 4121)', wantedBy: 'kind extraPortMappings' }]),
      }),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toBe(
      'Host port 38080 is already in use by python3 (pid 4121), so kind extraPortMappings could not start.',
    );
    expect(m.actions[0]).toBe("ss -ltnp 'sport = :38080'   # or: lsof -nP -iTCP:38080 -sTCP:LISTEN");
  });
  it('near miss: the port is in use by the env itself and nothing failed', () => {
    expect(
      hostPortInUse.match(
        inputOf(recordedRun('build-failed'), {
          ports: ports([{ port: 38080, inUse: true, wantedBy: 'svc', ours: true }]),
        }),
      ),
    ).toBeUndefined();
  });
});

describe('kind-network-conflict', () => {
  it('matches failed to ensure podman network', () => {
    const m = kindNetworkConflict.match(
      inputOf(
        clusterRun(
          createFailed(
            'failed to ensure podman network: command "podman network create -d=bridge --ipv6 --subnet fc00:f853:ccd:e793::/64 kind" failed with error: exit status 125',
            ['Command Output: Error: subnet fc00:f853:ccd:e793::/64 is already used on the host or by another config'],
          ),
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.actions[0]).toBe('podman network inspect kind');
  });
  it('near miss: network words in a deploy failure', () => {
    const run = runOf(
      journal([
        {
          id: 'deploy:apps',
          error: {
            code: 'DEPLOY_TIMEOUT',
            message: 'deploy apps: not ready after 5m: api: NotReady (netavark DNS slow)',
          },
        },
      ]),
      env,
    );
    expect(kindNetworkConflict.match(inputOf(run))).toBeUndefined();
  });
});

describe('kind-mount-missing', () => {
  it('matches a missing extraMounts hostPath (kubernaut #12)', () => {
    const m = kindMountMissing.match(
      inputOf(
        clusterRun(
          createFailed(
            'command "podman run --name shop-e2e-control-plane ... --volume /work/shop/coverdata:/coverdata" failed with error: exit status 125',
            ['Command Output: Error: statfs /work/shop/coverdata: no such file or directory'],
          ),
        ),
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.actions[0]).toBe('mkdir -p /work/shop/coverdata');
  });
  it('near miss: "no such file" from a deliver step', () => {
    const run = runOf(
      journal([
        {
          id: 'deliver:api',
          error: { code: 'KIND_LOAD_FAILED', message: 'kind load failed: stat /tmp/x.tar: no such file or directory' },
        },
      ]),
      env,
    );
    expect(kindMountMissing.match(inputOf(run))).toBeUndefined();
  });
});

describe('kind-kubeadm-failed', () => {
  it('matches kubeadm init failing', () => {
    const m = kubeadmFailed.match(
      inputOf(
        clusterRun(
          createFailed(
            `failed to init node with kubeadm: command "podman exec --privileged ${C}-control-plane kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6" failed with error: exit status 1`,
          ),
        ),
      ),
    )!;
    // kubeadm's words name no cause: shown, but below 50% without the node's logs, and it says so.
    expect(m.confidence).toBe(0.45);
    expect(m.summary).toMatch(/do not say why/);
  });
  it('near miss: no cluster failure', () => {
    expect(kubeadmFailed.match(inputOf(recordedRun('step-timeout', env)))).toBeUndefined();
  });
});
