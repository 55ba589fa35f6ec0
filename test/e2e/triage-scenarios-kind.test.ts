// Triage of kind-path failures through the CLI, against the kind/kubectl stand-ins on real podman. Real podman
// errors where the stand-in passes real flags (extraMounts → --volume, extraPortMappings → --publish); the
// stand-in's injection knobs (STANDIN_*) where no real kind can run here.
import { execa } from 'execa';
import { createServer, type Server } from 'node:net';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStandinCluster, removeStandinEnv, standinEnv, type StandinEnv } from '../fixtures/standins/support.js';
import { removeEnvImages } from '../support/podman-query.js';
import { uniqueEnvName } from '../support/tarmac-cli.js';
import { buildBase, down, lastRun, project, up, verdictDelayMs } from './triage-scenario-kit.js';

const LABEL = `io.tarmac.test=triage-kind-${process.pid}`;
const BASE = `localhost/tarmac-triage-kind-${process.pid}:busybox`;
const made: { env: string; dir: string; standin: StandinEnv }[] = [];
const servers: Server[] = [];

/** A kind project (stand-ins); `kindConfig` is written beside tarmac.yaml when given. */
function make(
  prefix: string,
  opts: { kindConfig?: string; container?: Record<string, unknown>; standin?: Record<string, string> } = {},
) {
  const env = uniqueEnvName(prefix);
  const dir = project({
    env,
    base: BASE,
    container: opts.container ?? { command: ['/bin/busybox', 'sleep', '600'] },
    cluster: { target: 'kind', ...(opts.kindConfig ? { kindConfig: 'kind.yaml' } : {}) },
  });
  if (opts.kindConfig) writeFileSync(join(dir, 'kind.yaml'), opts.kindConfig);
  const standin = standinEnv({ STANDIN_KIND_SYSTEMD_TIMEOUT_MS: '1500', ...opts.standin });
  made.push({ env, dir, standin });
  return { env, dir, standin, cluster: `${env}-e2e` };
}

beforeAll(async () => {
  await buildBase(BASE, LABEL);
});
afterAll(async () => {
  for (const s of servers) s.close();
  for (const { env, dir, standin } of made) {
    await down(dir, standin);
    await removeStandinCluster(`${env}-e2e`);
    removeStandinEnv(standin);
    await removeEnvImages(env);
    rmSync(dir, { recursive: true, force: true });
  }
  await execa('podman', ['rmi', '-f', BASE], { reject: false });
});

async function topVerdict(dir: string) {
  const { events, triage } = lastRun(dir);
  expect(triage, 'triage.json').toBeDefined();
  expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
  return { top: triage!.verdicts[0], triage: triage! };
}

describe('triage on the kind path (stand-ins, real podman)', () => {
  it('an extraMounts hostPath that does not exist (kubernaut #12): kind-mount-missing, with mkdir as the action', async () => {
    const { dir, standin } = make('tri-mount', {
      kindConfig:
        'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n  extraMounts:\n  - hostPath: /tmp/tarmac-triage-no-such-coverdata\n    containerPath: /coverdata\n',
    });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const { top, triage } = await topVerdict(dir);
    expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe('kind-mount-missing');
    expect(top!.actions[0]).toBe('mkdir -p /tmp/tarmac-triage-no-such-coverdata');
  });

  it('an extraPortMappings host port held by another process: host-port-in-use, naming the port', async () => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const { dir, standin } = make('tri-kport', {
      kindConfig: `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n  extraPortMappings:\n  - containerPort: 30080\n    hostPort: ${port}\n    listenAddress: 127.0.0.1\n`,
    });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const { top, triage } = await topVerdict(dir);
    expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe('host-port-in-use');
    expect(top!.summary).toMatch(new RegExp(`Host port ${port} is already in use`));
  });

  it('a node that never boots systemd (STANDIN_KIND_CREATE_FAIL=systemd-timeout): kind-systemd-boot', async () => {
    const { dir, standin, cluster } = make('tri-boot', { standin: { STANDIN_KIND_CREATE_FAIL: 'systemd-timeout' } });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const { top, triage } = await topVerdict(dir);
    expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe('kind-systemd-boot');
    expect(top!.actions[0]).toBe(
      `kind create cluster --name ${cluster} --retain   # keep the node to read its boot log`,
    );
  });

  it("kind's rootless refusal (STANDIN_KIND_CREATE_FAIL=rootless-delegate): kind-rootless-delegation", async () => {
    const { dir, standin } = make('tri-rootless', { standin: { STANDIN_KIND_CREATE_FAIL: 'rootless-delegate' } });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).not.toBe(0);
    const { top, triage } = await topVerdict(dir);
    expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe('kind-rootless-delegation');
  });

  it('the in-node import failing (STANDIN_KIND_LOAD=ctr-fail): kind-load-failed', async () => {
    const { dir, standin } = make('tri-ctr', { standin: { STANDIN_KIND_LOAD: 'ctr-fail' } });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).toBe(4);
    const { top, triage } = await topVerdict(dir);
    expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe('kind-load-failed');
    expect(top!.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('a manifest image that was never built or delivered, pull policy Never: image-pull-failed (ErrImageNeverPull)', async () => {
    const { dir, standin } = make('tri-never', {
      container: {
        image: 'localhost/tarmac-no-such-image:1',
        imagePullPolicy: 'Never',
        command: ['/bin/busybox', 'sleep', '600'],
      },
    });
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).toBe(4);
    const { top, triage } = await topVerdict(dir);
    expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe('image-pull-failed');
    expect(top!.summary).toMatch(/imagePullPolicy: Never/);
  });

  it('cluster.kindConfig pointing to a missing file: a config error (exit 2) before any run, so nothing to triage', async () => {
    const { dir, standin } = make('tri-nocfg', { kindConfig: 'unused' });
    rmSync(join(dir, 'kind.yaml'));
    const r = await up(dir, standin);
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr).toMatch(/cluster\.kindConfig/);
    expect(existsSync(join(dir, '.tarmac', 'runs'))).toBe(false);
  });
});
