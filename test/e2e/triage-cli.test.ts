// `tarmac doctor`, the automatic triage after a failed build, and `tarmac triage [RUN]`, through the built CLI
// on real podman.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TriageResult } from '../../src/triage/types.js';
import { removeEnvImages } from '../support/podman-query.js';
import { copyExample, copyProject, repoRoot, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envs: string[] = [];
const empty = mkdtempSync(join(tmpdir(), 'tarmac-doctor-'));
afterAll(async () => {
  for (const env of envs) await removeEnvImages(env);
  rmSync(empty, { recursive: true, force: true });
});

describe('tarmac doctor', () => {
  it('without a config: the host rows, healthy, exit 0', async () => {
    const result = await runTarmac(['doctor'], { cwd: empty });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^engine\s+OK\s+podman 4\.3\.1 answered in \d+ms/m);
    expect(result.stdout).toMatch(/^podman machine\s+ABSENT\s+not used/m);
    expect(result.stdout).toMatch(/^memory\s+OK/m);
    expect(result.stdout).toMatch(/^healthy$/m);
  });

  it('with a config before the first up: the absent env is not unhealthy', async () => {
    const env = uniqueEnvName('doctor');
    const dir = copyExample(env, 1);
    const result = await runTarmac(['doctor', '--json', '-f', join(dir, 'tarmac.yaml')]);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout) as TriageResult & { healthy: boolean; env: string };
    expect(json).toMatchObject({ healthy: true, env });
    expect(json.status.find((r) => r.component === 'podman network')).toMatchObject({
      status: 'absent',
      evidence: `network tarmac-${env} does not exist`,
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('with CONTAINER_HOST pointing at a dead socket: the engine row is down, exit 3, in seconds', async () => {
    const started = Date.now();
    const result = await runTarmac(['doctor', '--json'], {
      cwd: empty,
      env: { CONTAINER_HOST: `unix://${join(empty, 'no-such.sock')}` },
    });
    // Its probes have budgets of a few seconds: this only says none was waited out twice (generous for a loaded machine).
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.exitCode).toBe(3);
    const json = JSON.parse(result.stdout) as TriageResult & { healthy: boolean };
    expect(json.healthy).toBe(false);
    expect(json.status[0]).toMatchObject({ component: 'engine', status: 'down' });
    expect(json.status[0]?.evidence).toContain('no-such.sock: connect: no such file or directory');
    expect(json.status.find((r) => r.component === 'connection')).toMatchObject({ status: 'down' });
  });
});

describe('tarmac doctor with a hung engine', () => {
  it('says hung (not a crash) and still answers within its probe budget', async () => {
    // A socket that accepts every connection and never answers: a wedged engine service.
    const sockets: Socket[] = [];
    const path = join(empty, 'hung.sock');
    const server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const started = Date.now();
      const result = await runTarmac(['doctor', '--json'], { cwd: empty, env: { CONTAINER_HOST: `unix://${path}` } });
      // Its probes have budgets of a few seconds: this only says none was waited out twice (generous for a loaded machine).
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.exitCode).toBe(3);
      const json = JSON.parse(result.stdout) as TriageResult;
      expect(json.status[0]).toEqual({
        component: 'engine',
        status: 'down',
        evidence: 'podman hung: no answer within 4.0s',
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('triage of a failed run', () => {
  const env = uniqueEnvName('tr-fail');
  envs.push(env);
  const dir = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), env);
  const runsDir = join(dir, '.tarmac', 'runs');

  it('a failed build prints the verdict and writes triage.json and triage.md', async () => {
    const result = await runTarmac(['build', '-f', join(dir, 'tarmac.yaml')]);
    expect(result.exitCode).toBe(4);
    expect(result.stdout).toMatch(/^triage: /m);
    const [runId] = readdirSync(runsDir);
    expect(result.stdout).toContain(`full triage: ${join(runsDir, runId ?? '', 'triage.md')}`);
    const triage = JSON.parse(readFileSync(join(runsDir, runId ?? '', 'triage.json'), 'utf8')) as TriageResult;
    expect(triage.runId).toBe(runId);
    // The 15-second verdict budget of automatic triage, checked here and only here (the scenario tests check the
    // verdicts; this is the one place a clock is asserted on, with triage's own measured duration).
    expect(triage.durationMs).toBeLessThan(15_000);
    expect(triage.status.find((r) => r.component === 'engine')?.status).toBe('ok');
    expect(triage.verdicts.length > 0 || triage.unclassified !== undefined).toBe(true);
    const md = readFileSync(join(runsDir, runId ?? '', 'triage.md'), 'utf8');
    expect(md).toContain(`# Triage of run ${runId}`);
    expect(md).toContain('## Infrastructure status');
    expect(readdirSync(join(runsDir, runId ?? '', 'evidence')).sort()).toEqual(
      expect.arrayContaining(['disk.txt', 'engine.txt', 'memory.txt']),
    );
  });

  it('`tarmac triage` runs it again on the latest run and rewrites triage.json', async () => {
    const [runId] = readdirSync(runsDir);
    const file = join(runsDir, runId ?? '', 'triage.json');
    const before = JSON.parse(readFileSync(file, 'utf8')) as TriageResult;
    const result = await runTarmac(['triage', '-f', join(dir, 'tarmac.yaml')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^engine\s+OK/m);
    expect(result.stdout).toMatch(/^triage: /m);
    const after = JSON.parse(readFileSync(file, 'utf8')) as TriageResult;
    expect(after.generatedAt).toBeGreaterThan(before.generatedAt);
    expect(after.runId).toBe(runId);
  });

  it('an unknown RUN is a clear error naming the runs dir and the latest runs', async () => {
    const [runId] = readdirSync(runsDir);
    const result = await runTarmac(['triage', 'no-such-run', '-f', join(dir, 'tarmac.yaml')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`error[RUN_NOT_FOUND]: no run \`no-such-run\` in ${runsDir}`);
    expect(result.stderr).toContain(`  | latest runs:\n  |   ${runId}`);
  });
});

describe('a failure thrown out of up after the run started', () => {
  it('is triaged too, and the error is rendered once', async () => {
    const env = uniqueEnvName('tr-throw');
    // cluster.target: kind without kind on PATH: selectTarget throws KIND_NOT_FOUND after the session opened.
    const dir = copyExample(env, 1, (config) => {
      (config.cluster as Record<string, unknown>).target = 'kind';
    });
    const result = await runTarmac(['up', '-f', join(dir, 'tarmac.yaml')]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr.match(/error\[KIND_NOT_FOUND\]/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/^triage: /m);
    const runsDir = join(dir, '.tarmac', 'runs');
    const [runId] = readdirSync(runsDir);
    const triage = JSON.parse(readFileSync(join(runsDir, runId ?? '', 'triage.json'), 'utf8')) as TriageResult;
    expect(triage.runId).toBe(runId);
    const journal = readFileSync(join(runsDir, runId ?? '', 'events.jsonl'), 'utf8');
    expect(journal).toContain('"type":"run.finished","outcome":"failed"');
    rmSync(dir, { recursive: true, force: true });
  });
});
