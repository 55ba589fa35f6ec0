// The kind target's create failures against the stand-ins (real podman): a create that prints nothing and
// never returns is stopped by its timeout with a clear message; failed creates export kind's logs before
// deleting what they left, and nothing stays behind.
import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarmacError } from '../../src/errors/errors.js';
import { removeStandinCluster, uniqueClusterName } from '../fixtures/standins/support.js';
import { context, kindCalls, kindEnv, kindFixture } from './target-kind-kit.js';

const fx = kindFixture('tk-fail');
const names: string[] = [];
const clusterName = (prefix: string) => {
  const name = uniqueClusterName(prefix);
  names.push(name);
  return name;
};
const nodesOf = async (name: string) =>
  (
    await execa('podman', ['ps', '-a', '-q', '--filter', `label=io.x-k8s.kind.cluster=${name}`], { reject: false })
  ).stdout
    .split('\n')
    .filter(Boolean);
const recorded = () =>
  existsSync(join(fx.stateDir, 'clusters.json'))
    ? JSON.parse(readFileSync(join(fx.stateDir, 'clusters.json'), 'utf8')).clusters
    : [];

afterAll(async () => {
  for (const name of names) await removeStandinCluster(name);
  fx.cleanup();
});

describe('kind target create failures (stand-ins, real podman)', () => {
  it('stops a create that prints nothing and never returns, with the engine probe in the message', async () => {
    const name = clusterName('tk-hang');
    const { target } = fx.target(kindEnv('tk-fail', name, fx.stateDir), {
      extra: { STANDIN_KIND_CREATE_HANG: '1' },
      createTimeoutMs: 2000,
      runId: 'hang-run',
    });
    const error = await target.ensure(context()).catch((e: unknown) => e);
    // The timeout itself is proven by the error (the stand-in never returns on its own), not by a clock.
    expect(error).toBeInstanceOf(TarmacError);
    expect(error).toMatchObject({ code: 'CLUSTER_CREATE_TIMEOUT', exitCode: 4 });
    expect((error as Error).message).toMatch(
      /^kind create cluster printed nothing for 2\.0s and did not finish within 2\.0s; the engine health probe says: podman \S+ .*answered in \d+ms$/,
    );
    expect((error as TarmacError).hint).toContain('timeouts.cluster');
    expect((error as TarmacError).hint).toContain(`kind export logs --name ${name}`);
    expect((error as TarmacError).details).toEqual([
      'kind printed no output at all',
      '(no node container was left behind)',
    ]);
    expect(await nodesOf(name)).toEqual([]);
    expect(recorded()).toEqual([]);
  });

  it('after a create that hangs with its nodes up, exports kind logs first, then deletes the nodes', async () => {
    const name = clusterName('tk-prep');
    const { target, runner } = fx.target(kindEnv('tk-fail', name, fx.stateDir), {
      extra: { STANDIN_KIND_CREATE_HANG: 'preparing' },
      createTimeoutMs: 8000,
      runId: 'prep-run',
    });
    const ctx = context();
    const error = await target.ensure(ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLUSTER_CREATE_TIMEOUT' });
    expect((error as Error).message).toMatch(
      /^kind create cluster printed nothing for \d+(\.\d)?s and did not finish within 8\.0s; the engine health probe says: /,
    );
    expect((error as TarmacError).details).toEqual([
      'last output line: • Preparing nodes 📦   ...',
      '(the nodes it left were deleted)',
    ]);
    expect(ctx.lines).toContain(` • Preparing nodes 📦   ...`);
    const logs = join(fx.stateDir, 'runs', 'prep-run', 'kind-logs');
    expect(existsSync(join(logs, `${name}-control-plane`, 'serial.log'))).toBe(true);
    const order = runner.calls.filter((c) => c.cmd === 'kind').map((c) => c.args.slice(0, 2).join(' '));
    expect(order.indexOf('export logs')).toBeLessThan(order.indexOf('delete cluster'));
    expect((error as TarmacError).hint).toContain(logs);
    expect(await nodesOf(name)).toEqual([]);
    expect(recorded()).toEqual([]);
  });

  it("reports a failed create with kind's error line and a hint, after exporting the retained nodes' logs", async () => {
    const name = clusterName('tk-sysd');
    const extra = { STANDIN_KIND_CREATE_FAIL: 'systemd-timeout', STANDIN_KIND_SYSTEMD_TIMEOUT_MS: '1500' };
    const { target, runner } = fx.target(kindEnv('tk-fail', name, fx.stateDir), { extra, runId: 'sysd-run' });
    const error = await target.ensure(context()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLUSTER_CREATE_FAILED', exitCode: 3 });
    expect((error as Error).message).toBe(
      `kind create cluster ${name} failed: ERROR: failed to create cluster: could not find a log line that matches "Reached target .*Multi-User System.*|detected cgroup v1"`,
    );
    expect((error as TarmacError).hint).toMatch(/^The node container did not boot systemd within 30s/);
    expect(kindCalls(runner.calls, 'create', 'cluster')[0]?.args).toContain('--retain');
    expect(existsSync(join(fx.stateDir, 'runs', 'sysd-run', 'kind-logs', `${name}-control-plane`, 'serial.log'))).toBe(
      true,
    );
    expect(await nodesOf(name)).toEqual([]);
    expect(recorded()).toEqual([]);
  });

  it('cancels a create when the step is aborted, and leaves nothing behind', async () => {
    const name = clusterName('tk-cancel');
    const { target } = fx.target(kindEnv('tk-fail', name, fx.stateDir), { extra: { STANDIN_KIND_CREATE_HANG: '1' } });
    const controller = new AbortController();
    const ctx = context(controller.signal);
    const pending = target.ensure(ctx).catch((e: unknown) => e);
    // Abort once kind is running (its create call has started), not after a fixed sleep.
    await expect
      .poll(() => existsSync(join(fx.stateDir, 'clusters.json')) && recorded().length > 0, { timeout: 10_000 })
      .toBe(true);
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ code: 'CANCELLED', exitCode: 130 });
    expect((error as Error).message).toBe(
      `kind create cluster ${name} was cancelled (no node container was left behind)`,
    );
    expect(await nodesOf(name)).toEqual([]);
    expect(recorded()).toEqual([]);
  });

  it('names a missing kind config file', async () => {
    const name = clusterName('tk-cfg');
    const { target } = fx.target(kindEnv('tk-fail', name, fx.stateDir, { kindConfig: join(fx.root, 'nope.yaml') }));
    const error = await target.ensure(context()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLUSTER_CREATE_FAILED' });
    expect((error as Error).message).toContain(
      `error reading file: open ${join(fx.root, 'nope.yaml')}: no such file or directory`,
    );
    expect((error as TarmacError).hint).toContain('cluster.kindConfig');
    expect(await nodesOf(name)).toEqual([]);
  });
});
