// The kind stand-in's failure paths against real podman: injected hangs and failures, bad input, and
// multi-node clusters whose worker stops.
import { execa } from 'execa';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStandinCluster, removeStandinEnv, standinEnv, uniqueClusterName } from '../fixtures/standins/support.js';

const env = standinEnv();
const workDir = mkdtempSync(join(tmpdir(), 'sk-fail-'));
const created: string[] = [];
const kind = (args: string[], extra: Record<string, string> = {}) =>
  execa('kind', args, { env: { ...env, ...extra }, reject: false });
const kubectl = (args: string[]) => execa('kubectl', args, { env, reject: false });
const nodesOf = async (name: string) =>
  (
    await execa('podman', ['ps', '-a', '--filter', `label=io.x-k8s.kind.cluster=${name}`, '--format', '{{.Names}}'], {
      env,
    })
  ).stdout
    .split('\n')
    .filter(Boolean)
    .sort();
// Only meaningful where a docker client exists without a daemon (this machine): kind then picks docker and fails.
const dockerProbe = await execa('docker', ['ps'], { reject: false });
const dockerWithoutDaemon =
  dockerProbe.exitCode !== 0 && dockerProbe.stderr.includes('Cannot connect to the Docker daemon');
const clusterName = (prefix: string) => {
  const name = uniqueClusterName(prefix);
  created.push(name);
  return name;
};

afterAll(async () => {
  for (const name of created) await removeStandinCluster(name);
  rmSync(workDir, { recursive: true, force: true });
  removeStandinEnv(env);
});

describe('kind stand-in failure modes (real podman)', () => {
  it('hangs silently with STANDIN_KIND_CREATE_HANG=1 and still dies on SIGTERM', async () => {
    const child = execa('kind', ['create', 'cluster', '--name', clusterName('sk-hang')], {
      env: { ...env, STANDIN_KIND_CREATE_HANG: '1' },
      reject: false,
    });
    const outcome = await Promise.race([
      child.then(() => 'exited'),
      new Promise((resolve) => setTimeout(resolve, 1500, 'still running')),
    ]);
    expect(outcome).toBe('still running');
    child.kill('SIGTERM');
    const result = await child;
    expect(result.signal).toBe('SIGTERM');
    expect([result.stdout, result.stderr]).toEqual(['', '']);
  });

  it('fails like a node whose systemd never reaches multi-user, and removes the node', async () => {
    const name = clusterName('sk-systemd');
    const result = await kind(['create', 'cluster', '--name', name], {
      STANDIN_KIND_CREATE_FAIL: 'systemd-timeout',
      STANDIN_KIND_SYSTEMD_TIMEOUT_MS: '1500',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n').slice(-3)).toEqual([
      ' ✗ Preparing nodes 📦 ',
      `Deleted nodes: ["${name}-control-plane"]`,
      'ERROR: failed to create cluster: could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"',
    ]);
    expect(await nodesOf(name)).toEqual([]);
  });

  it('keeps the failed node with --retain', async () => {
    const name = clusterName('sk-retain');
    const result = await kind(['create', 'cluster', '--name', name, '--retain'], {
      STANDIN_KIND_CREATE_FAIL: 'systemd-timeout',
      STANDIN_KIND_SYSTEMD_TIMEOUT_MS: '1000',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).not.toContain('Deleted nodes');
    expect(await nodesOf(name)).toEqual([`${name}-control-plane`]);
  });

  it("reports podman's own error when the API port is taken", async () => {
    const name = clusterName('sk-port');
    const result = await kind(['create', 'cluster', '--name', name], { STANDIN_KIND_CREATE_FAIL: 'port-in-use' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `ERROR: failed to create cluster: command "podman run --name ${name}-control-plane .*" failed with error: exit status 126`,
      ),
    );
    expect(result.stderr).toMatch(/Command Output: [\s\S]*bind: address already in use/);
    expect(await nodesOf(name)).toEqual([]);
  });

  it("rejects a missing --config file with kind's text", async () => {
    const missing = join(workDir, 'missing.yaml');
    const result = await kind(['create', 'cluster', '--name', clusterName('sk-cfg'), '--config', missing]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n').pop()).toBe(
      `ERROR: failed to create cluster: error reading file: open ${missing}: no such file or directory`,
    );
  });

  it('rejects unknown commands and flags like cobra', async () => {
    const command = await kind(['gett', 'clusters']);
    expect([command.exitCode, command.stderr]).toEqual([
      1,
      'ERROR: unknown command "gett" for "kind"\n\nDid you mean this?\n\tget',
    ]);
    const flag = await kind(['get', 'clusters', '--bogus']);
    expect([flag.exitCode, flag.stderr]).toEqual([1, 'ERROR: unknown flag: --bogus']);
  });

  it('creates workers from the config and reports a stopped worker NotReady', async () => {
    const name = clusterName('sk-multi');
    const config = join(workDir, 'multi.yaml');
    writeFileSync(
      config,
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\n',
    );
    const result = await kind(['create', 'cluster', '--name', name, '--config', config, '--wait', '30s']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain(' ✓ Preparing nodes 📦 📦 📦 \n');
    expect(result.stderr).toContain(' ✓ Joining worker nodes 🚜\n');
    expect(result.stderr).toMatch(/ ✓ Waiting ≤ 30s for control-plane = Ready ⏳\n • Ready after \d+s 💚\n/);
    expect(await nodesOf(name)).toEqual([`${name}-control-plane`, `${name}-worker`, `${name}-worker2`]);
    const roles = await execa(
      'podman',
      ['inspect', '--format', '{{index .Config.Labels "io.x-k8s.kind.role"}}', `${name}-worker2`],
      { env },
    );
    expect(roles.stdout).toBe('worker');
    await execa('podman', ['stop', `${name}-worker2`], { env });
    const status = await kubectl([
      'get',
      'nodes',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status} {end}',
    ]);
    expect(status.stdout.trim().split(' ')).toEqual([
      `${name}-control-plane=True`,
      `${name}-worker=True`,
      `${name}-worker2=Unknown`,
    ]);
    const waited = await kubectl(['wait', '--for=condition=Ready', 'node', '--all', '--timeout=1s']);
    expect(waited.exitCode).toBe(1);
    expect(waited.stderr).toBe(`error: timed out waiting for the condition on nodes/${name}-worker2`);
  });

  it.runIf(dockerWithoutDaemon)('fails like kind with the docker provider when docker has no daemon', async () => {
    const result = await kind(['get', 'clusters'], { KIND_EXPERIMENTAL_PROVIDER: 'docker' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `using docker due to KIND_EXPERIMENTAL_PROVIDER\nERROR: failed to list clusters: command "docker ps -a --filter label=io.x-k8s.kind.cluster --format '{{.Label "io.x-k8s.kind.cluster"}}'" failed with error: exit status 1`,
    );
    expect(result.stderr).toContain('Command Output: Cannot connect to the Docker daemon');
  });

  it('says loudly what the kubectl stand-in does not implement', async () => {
    const result = await kubectl(['rollout', 'status', 'deployment/x']);
    expect([result.exitCode, result.stderr]).toEqual([
      1,
      'error: the stand-in does not implement: rollout status deployment/x',
    ]);
  });
});
