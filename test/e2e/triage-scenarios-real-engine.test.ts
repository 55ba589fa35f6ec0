// Triage scenarios per rule, part 2 (real podman): a registry refusing the password, and an engine (a
// `podman system service` on its own socket) that hangs (SIGSTOP) or is gone. Each checks the top verdict of
// triage.json, its evidence, and that it was written within 15 s of the failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { execa } from 'execa';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeEnvImages } from '../support/podman-query.js';
import { startRegistry, type LocalRegistry } from '../support/registry.js';
import { runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { waitFor } from '../support/wait-for.js';
import {
  buildBase,
  endServiceLeftovers,
  expectTop,
  lastRun,
  project,
  type ProjectSpec,
} from './triage-scenario-kit.js';

const LABEL = `io.tarmac.test=triage-real-engine-${process.pid}`;
const BASE = `localhost/tarmac-triage-real-engine-${process.pid}:busybox`;
/** The RUN's sleep, unusual enough to find the processes a stopped service leaves behind. */
const SLEEP = `7.${String(process.pid % 1000).padStart(3, '0')}`;
const made: { env: string; dir: string }[] = [];
const services: ChildProcess[] = [];
let registry: LocalRegistry | undefined;

function make(prefix: string, spec: Omit<ProjectSpec, 'env' | 'base'>): { env: string; dir: string } {
  const env = uniqueEnvName(prefix);
  const dir = project({ env, base: BASE, ...spec });
  made.push({ env, dir });
  return { env, dir };
}

/** `podman system service` on a socket of the project directory, answering. */
async function serve(dir: string): Promise<{ url: string; service: ChildProcess }> {
  const url = `unix://${join(dir, 'podman.sock')}`;
  const service = spawn('podman', ['system', 'service', '--time=0', url], { stdio: 'ignore' });
  services.push(service);
  await waitFor(
    'the podman service',
    async () =>
      (await execa('podman', ['--url', url, 'version'], { reject: false })).exitCode === 0 ? true : undefined,
    20_000,
  );
  return { url, service };
}

beforeAll(async () => {
  await buildBase(BASE, LABEL);
});
afterAll(async () => {
  await endServiceLeftovers(services, SLEEP, BASE);
  await registry?.stop();
  for (const { env, dir } of made) {
    await removeEnvImages(env);
    rmSync(dir, { recursive: true, force: true });
  }
  await execa('podman', ['rmi', '-f', BASE], { reject: false });
});

describe('triage of registry and engine failures, one scenario per rule (real podman)', () => {
  it('registry-auth: a registry with htpasswd refusing a wrong password on build --push', async () => {
    registry = await startRegistry(20_000, { users: { ci: 'right-Password-31' } });
    const { dir } = make('tri-regauth', {
      extra: { registry: { url: `${registry.host}/triage-real`, insecure: true, username: 'ci' } },
    });
    const r = await runTarmac(['build', '--push', '--plain', '-f', join(dir, 'tarmac.yaml')], {
      env: { TARMAC_REGISTRY_PASSWORD: 'wrong-Password-77' },
    });
    expect(r.exitCode, r.all).not.toBe(0);
    const top = expectTop(dir, 'registry-auth');
    expect(top.evidence.join('\n')).toMatch(/REGISTRY_AUTH/);
    expect(JSON.stringify(lastRun(dir).triage)).not.toContain('wrong-Password-77');
  });

  it('engine-hung: the service SIGSTOPped mid-build, the stall probe gets no answer', async () => {
    const { dir } = make('tri-hung', {
      run: [`RUN ["/bin/busybox", "sh", "-c", "echo working; /bin/busybox sleep ${SLEEP}"]`],
      extra: { timeouts: { build: '12s', stall: '3s', heartbeat: '2s', engineRecovery: '5s' } },
    });
    const { url, service } = await serve(dir);
    const child = startTarmac(['build', '--plain', '-f', join(dir, 'tarmac.yaml')], { env: { CONTAINER_HOST: url } });
    await waitFor('the RUN step to print', () => (stepLogSays(dir, 'working') ? true : undefined), 60_000);
    service.kill('SIGSTOP');
    const r = await child;
    expect(r.exitCode, r.all).toBe(4);
    expect(expectTop(dir, 'engine-hung').summary).toMatch(/hangs/);
  });

  // Through up/build/test, engine-unreachable is never the top verdict: an engine that is down at the start fails
  // engine detection (ENGINE_NOT_FOUND, no run, no triage.json), and one lost mid-run is recorded by the recovery as
  // an engine-crash incident (engine-crash on top, the right verdict). Where it is right: `tarmac doctor`.
  it('engine-unreachable (doctor): a real service killed, its socket refusing', async () => {
    const { dir } = make('tri-unreach', {});
    const { url, service } = await serve(dir);
    const gone = new Promise((resolve) => service.once('exit', resolve));
    service.kill('SIGKILL');
    await gone;
    const started = Date.now();
    const r = await runTarmac(['doctor', '--json', '-f', join(dir, 'tarmac.yaml')], { env: { CONTAINER_HOST: url } });
    expect(r.exitCode, r.all).toBe(3);
    const json = JSON.parse(r.stdout) as { verdicts: { ruleId: string; evidence: string[] }[] };
    expect(json.verdicts[0]?.ruleId, r.stdout).toBe('engine-unreachable');
    expect(json.verdicts[0]!.evidence.join('\n')).toMatch(/connection refused|no such file/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

/** Whether a step log of the project's only run has the line `text`. */
function stepLogSays(dir: string, text: string): boolean {
  const runs = join(dir, '.tarmac', 'runs');
  const [id] = existsSync(runs) ? readdirSync(runs) : [];
  const steps = id ? join(runs, id, 'steps') : '';
  if (!id || !existsSync(steps)) return false;
  return readdirSync(steps).some((f) => readFileSync(join(steps, f), 'utf8').split('\n').includes(text));
}
