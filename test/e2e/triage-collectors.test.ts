// The evidence collectors against real podman and the kind stand-ins: engine, disk and memory of this host;
// a tarmac-created kind cluster while healthy, then with its node container stopped (the seed's case:
// kind still lists it, the node is not running, the API refuses connections); `kind export logs` of it.
import { execa } from 'execa';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { runCommand } from '../../src/exec/run-command.js';
import { collectEvidence } from '../../src/triage/collect.js';
import { clustersCollector } from '../../src/triage/evidence/clusters.js';
import { diskCollector } from '../../src/triage/evidence/disk.js';
import { engineCollector } from '../../src/triage/evidence/engine.js';
import { kindLogsCollector } from '../../src/triage/evidence/kind-logs.js';
import { memoryCollector } from '../../src/triage/evidence/memory.js';
import type { Collector } from '../../src/triage/evidence/context.js';
import { removeStandinCluster, uniqueClusterName } from '../fixtures/standins/support.js';
import { context, kindEnv, kindFixture, standinRunner } from './target-kind-kit.js';

const fx = kindFixture('tr-coll');
const name = uniqueClusterName('tr-coll');
const env = kindEnv('tr-coll', name, fx.stateDir);
const node = `${name}-control-plane`;
const noRedact = (s: string) => s;
const kindCollectors = [clustersCollector, kindLogsCollector] as Collector<unknown>[];

beforeAll(async () => {
  await fx.target(env).target.ensure(context());
});

afterAll(async () => {
  await removeStandinCluster(name);
  fx.cleanup();
});

describe('triage collectors on real podman', () => {
  it('engine, disk and memory of this host', async () => {
    const engine = createPodmanEngine(runCommand);
    const evidence = await collectEvidence({
      runner: runCommand,
      engine,
      processEnv: process.env,
      signal: new AbortController().signal,
      redact: noRedact,
      collectors: [engineCollector, diskCollector, memoryCollector] as Collector<unknown>[],
    });
    const facts = evidence.engine?.data;
    expect(facts).toMatchObject({ name: 'podman', reachable: true, hung: false, version: '4.3.1' });
    expect(facts?.graphRoot).toBeTruthy();
    expect(facts?.cgroupControllers?.length).toBeGreaterThan(0);
    const mounts = evidence.disk?.data?.mounts ?? [];
    expect(mounts.find((m) => m.label === 'engine storage')?.path).toBe(facts?.graphRoot);
    expect(mounts.every((m) => m.freeBytes > 0 && m.totalBytes >= m.freeBytes)).toBe(true);
    expect(evidence.memory?.data?.availableBytes).toBeGreaterThan(0);
  });

  it('a healthy tarmac-created kind cluster: listed, node running, /readyz ok', async () => {
    const runner = standinRunner(fx.base);
    const evidence = await collectEvidence({
      runner,
      engine: createPodmanEngine(runner),
      env,
      target: 'kind',
      processEnv: fx.base,
      signal: new AbortController().signal,
      redact: noRedact,
      collectors: kindCollectors,
    });
    expect(evidence.clusters?.error).toBeUndefined();
    const [cluster] = evidence.clusters?.data ?? [];
    expect(cluster).toMatchObject({
      target: 'kind',
      name,
      listed: true,
      createdByTarmac: true,
      nodes: [{ name: node, state: 'running' }],
    });
    expect(cluster?.api).toMatchObject({ ok: true, detail: '/readyz: ok' });
    expect(cluster?.api?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // A run that did not fail exports no logs.
    expect(evidence.kindLogs).toBeUndefined();
  });

  it('with the node container stopped: listed, node exited with its exit code, API refused; kind logs exported', async () => {
    await execa('podman', ['stop', '-t', '0', node], { env: fx.base });
    const runner = standinRunner(fx.base);
    const runDir = join(fx.stateDir, 'runs', 'r1');
    mkdirSync(runDir, { recursive: true });
    const started = Date.now();
    const evidence = await collectEvidence({
      runner,
      engine: createPodmanEngine(runner),
      env,
      target: 'kind',
      processEnv: fx.base,
      runDir,
      runFailed: true,
      signal: new AbortController().signal,
      redact: noRedact,
      collectors: kindCollectors,
    });
    // Each collector has a 6 s budget and they run side by side: this says none hung (generous for a loaded machine).
    expect(Date.now() - started).toBeLessThan(60_000);
    const [cluster] = evidence.clusters?.data ?? [];
    expect(cluster?.listed).toBe(true);
    expect(cluster?.nodes).toEqual([
      expect.objectContaining({ name: node, state: 'exited', exitCode: expect.any(Number) }),
    ]);
    expect(cluster?.nodes[0]?.logTail?.some((l) => l.includes('Reached target'))).toBe(true);
    expect(cluster?.api?.ok).toBe(false);
    expect(cluster?.api?.detail).toMatch(/The connection to the server 127\.0\.0\.1:\d+ was refused/);
    expect(evidence.kindLogs).toMatchObject({ ok: true, data: { dir: join(runDir, 'kind-logs') } });
    expect(existsSync(join(runDir, 'kind-logs'))).toBe(true);
    expect(existsSync(join(runDir, 'evidence', 'clusters.txt'))).toBe(true);
  });

  it('a kind cluster that does not exist: not listed, no nodes, API not checked', async () => {
    const runner = standinRunner(fx.base);
    const other = kindEnv('tr-coll-none', `${name}-none`, join(fx.root, 'other', '.tarmac'));
    const evidence = await collectEvidence({
      runner,
      engine: createPodmanEngine(runner),
      env: other,
      target: 'kind',
      processEnv: fx.base,
      signal: new AbortController().signal,
      redact: noRedact,
      collectors: kindCollectors,
    });
    expect(evidence.clusters?.data).toEqual([
      { target: 'kind', name: `${name}-none`, listed: false, createdByTarmac: false, nodes: [] },
    ]);
  });
});
