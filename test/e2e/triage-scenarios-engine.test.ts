// Triage of infrastructure failures produced for real: the engine (a `podman system service`) SIGKILLed during
// three parallel builds, and a full disk (the engine's storage on a small tmpfs).
import { spawn, type ChildProcess } from 'node:child_process';
import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { removeEnvImages } from '../support/podman-query.js';
import { startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { buildBase, endServiceLeftovers, lastRun, project, up, verdictDelayMs } from './triage-scenario-kit.js';

const LABEL = `io.tarmac.test=triage-engine-${process.pid}`;
const BASE = `localhost/tarmac-triage-engine-${process.pid}:busybox`;
const SLEEP = `6.${String(process.pid % 1000).padStart(3, '0')}`;
const dirs: string[] = [];
const envs: string[] = [];
const services: ChildProcess[] = [];
let mounted: string | undefined;
let storageConf: string | undefined;

afterAll(async () => {
  await endServiceLeftovers(services, SLEEP, BASE);
  for (const env of envs) await removeEnvImages(env);
  // The failed `up` keeps its env for inspection (as users get it): the podman target's network is this test's own.
  for (const env of envs) await execa('podman', ['network', 'rm', '-f', `tarmac-${env}`], { reject: false });
  await execa('podman', ['rmi', '-f', BASE], { reject: false });
  if (storageConf) {
    // Everything in the private store on the tmpfs is this test's own.
    const env = { ...process.env, CONTAINERS_STORAGE_CONF: storageConf };
    await execa('podman', ['rm', '-af', '--external'], { env, reject: false });
    await execa('podman', ['rmi', '-af'], { env, reject: false });
  }
  if (mounted) {
    await execa('umount', [mounted], { reject: false });
    rmSync(mounted, { recursive: true, force: true });
  }
  if (storageConf) rmSync(storageConf, { force: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('triage of engine failures (real podman)', () => {
  it('the engine killed during 3 parallel builds: engine-crash on top, within 15 s', async () => {
    await buildBase(BASE, LABEL);
    const env = uniqueEnvName('tri-crash');
    envs.push(env);
    const dir = mkdtempSync(join(tmpdir(), `tarmac-${env}-`));
    dirs.push(dir);
    const images = ['datastorage', 'holmesgpt-api', 'aianalysis'];
    for (const i of images) {
      mkdirSync(join(dir, i));
      writeFileSync(
        join(dir, i, 'Containerfile'),
        `FROM ${BASE}\nRUN ["/bin/busybox", "sh", "-c", "echo working-${i}; /bin/busybox sleep ${SLEEP}"]\n`,
      );
    }
    writeFileSync(
      join(dir, 'tarmac.yaml'),
      [
        `name: ${env}`,
        'images:',
        ...images.flatMap((i) => [`  - name: ${i}`, `    context: ${i}`]),
        'build:',
        '  capacity: 3',
        'timeouts:',
        '  heartbeat: 2s',
        '  engineRecovery: 3s',
        '',
      ].join('\n'),
    );
    const url = `unix://${join(dir, 'podman.sock')}`;
    const service = spawn('podman', ['system', 'service', '--time=0', url], { stdio: 'ignore' });
    services.push(service);
    await waitFor(
      'the podman service',
      async () =>
        (await execa('podman', ['--url', url, 'version'], { reject: false })).exitCode === 0 ? true : undefined,
      20_000,
    );
    const child = startTarmac(['build', '--plain', '-f', join(dir, 'tarmac.yaml')], { env: { CONTAINER_HOST: url } });
    await waitFor('all three RUN steps to work', () => (workingBuilds(dir) === 3 ? true : undefined), 60_000);
    service.kill('SIGKILL');
    const r = await child;
    expect(r.exitCode, r.all).toBe(4);
    const { events, triage } = lastRun(dir);
    const top = triage?.verdicts[0];
    expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe('engine-crash');
    expect(top!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(top!.summary).toMatch(
      /server probably quit: unexpected EOF\) while 3 builds ran in parallel \(capacity 3\) and did not come back/,
    );
    expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
    expect(r.stdout).toMatch(/engine-crash|container engine crashed/i);
  });

  it('a full disk (engine storage on a 40 MiB tmpfs, a RUN writing 100 MiB): disk-full on top, not build-failed', async () => {
    mounted = mkdtempSync(join(tmpdir(), 'tarmac-triage-tmpfs-'));
    await execa('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', mounted]);
    storageConf = join(mounted, '..', `${mounted.split('/').pop()}-storage.conf`);
    writeFileSync(
      storageConf,
      `[storage]\ndriver = "overlay"\ngraphroot = "${mounted}/root"\nrunroot = "${mounted}/run"\n`,
    );
    const engineEnv = { CONTAINERS_STORAGE_CONF: storageConf };
    await buildBase(BASE, LABEL, engineEnv);
    const env = uniqueEnvName('tri-disk');
    envs.push(env);
    const dir = project({
      env,
      base: BASE,
      run: ['RUN ["/bin/busybox", "dd", "if=/dev/zero", "of=/big", "bs=1M", "count=100"]'],
    });
    dirs.push(dir);
    const r = await up(dir, engineEnv);
    expect(r.exitCode, r.all).toBe(4);
    const { events, triage } = lastRun(dir);
    const ids = triage?.verdicts.map((v) => v.ruleId) ?? [];
    expect(ids[0], JSON.stringify(triage, null, 1)).toBe('disk-full');
    expect(triage!.verdicts[0]!.evidence.join('\n')).toMatch(/No space left on device/i);
    // The Containerfile is not blamed with confidence.
    expect(triage!.verdicts.find((v) => v.ruleId === 'build-failed')?.confidence ?? 0).toBeLessThan(0.5);
    expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
  });
});

/** How many builds' RUN steps printed their line into the step logs. */
function workingBuilds(dir: string): number {
  const runs = join(dir, '.tarmac', 'runs');
  const [id] = existsSync(runs) ? readdirSync(runs) : [];
  if (!id || !existsSync(join(runs, id, 'steps'))) return 0;
  return readdirSync(join(runs, id, 'steps')).filter((f) =>
    readFileSync(join(runs, id, 'steps', f), 'utf8')
      .split('\n')
      .some((l) => l.startsWith('working-')),
  ).length;
}
