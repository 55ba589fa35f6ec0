// The kind stand-in's failure output against real podman, where it must read like kind's: a taken API port,
// bad input, unknown commands, docker without a daemon, and what the kubectl stand-in does not implement.
// The injected hang and systemd timeout are checked through the kind target, which relies on them
// (target-kind-failures.test.ts: kind's exact error line, the retained node's logs); a multi-node cluster and a
// stopped worker in target-kind-lifecycle.test.ts.
import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
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
