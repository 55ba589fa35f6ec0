// Triage scenarios of the engine and the host, produced for real: a `podman system service` on its own socket
// SIGKILLed during parallel builds, SIGSTOPped, or gone; a full disk; a registry refusing the password (from
// triage-scenarios-engine and -real-engine).
import { spawn, type ChildProcess } from 'node:child_process';
import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCommandConfig } from '../../src/cli/load-config.js';
import { engineForTriage } from '../../src/cli/triage-engine.js';
import { runCommand } from '../../src/exec/run-command.js';
import { secretValues } from '../../src/redact/env-secrets.js';
import { makeRedactor } from '../../src/redact/redactor.js';
import { triageRun } from '../../src/triage/triage-run.js';
import { startRegistry } from '../support/registry.js';
import { removeEnvImages } from '../support/podman-query.js';
import { runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { waitFor } from '../support/wait-for.js';
import { buildBase, endServiceLeftovers, project } from '../e2e/triage-scenario-kit.js';
import { outcome } from './podman-scenarios.js';
import type { ScenarioKits, TriageScenario } from './scenario.js';

const FROM_ENGINE = 'test/e2e/triage-scenarios-engine.test.ts';
const FROM_REAL_ENGINE = 'test/e2e/triage-scenarios-real-engine.test.ts';
/** The RUN's sleep, unusual enough to find the processes a killed or stopped service leaves behind. */
export const SLEEP = `6.${String(process.pid % 1000).padStart(3, '0')}`;
/** `podman system service` on a socket in `dir`, answering; it and its leftovers are ended after the scenario. */
export async function serve(k: ScenarioKits, dir: string): Promise<{ url: string; service: ChildProcess }> {
  const url = `unix://${join(dir, 'podman.sock')}`;
  const service = spawn('podman', ['system', 'service', '--time=0', url], { stdio: 'ignore' });
  k.defer(() => endServiceLeftovers([service], SLEEP, k.base));
  await waitFor(
    'the podman service',
    async () =>
      (await execa('podman', ['--url', url, 'version'], { reject: false })).exitCode === 0 ? true : undefined,
    20_000,
  );
  return { url, service };
}

/** How many step logs of the project's only run have a line starting with `prefix`. */
export function stepLogsSaying(dir: string, prefix: string): number {
  const runs = join(dir, '.tarmac', 'runs');
  const [id] = existsSync(runs) ? readdirSync(runs) : [];
  const steps = id ? join(runs, id, 'steps') : '';
  if (!id || !existsSync(steps)) return 0;
  return readdirSync(steps).filter((f) =>
    readFileSync(join(steps, f), 'utf8')
      .split('\n')
      .some((l) => l.startsWith(prefix)),
  ).length;
}

/** The last lines of every step log of the project's only run, for the error when a wait times out. */
export function stepLogTails(dir: string): Record<string, string[]> {
  const runs = join(dir, '.tarmac', 'runs');
  const [id] = existsSync(runs) ? readdirSync(runs) : [];
  const steps = id ? join(runs, id, 'steps') : '';
  if (!id || !existsSync(steps)) return {};
  return Object.fromEntries(
    readdirSync(steps).map((f) => [f, readFileSync(join(steps, f), 'utf8').split('\n').slice(-4)]),
  );
}

/** A temp project dir removed after the scenarios, with images of `env` removed too. */
function tempProject(k: ScenarioKits, env: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tarmac-${env}-`));
  k.defer(async () => {
    await removeEnvImages(env);
    await execa('podman', ['network', 'rm', '-f', `tarmac-${env}`], { reject: false });
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

export const ENGINE_SCENARIOS: TriageScenario[] = [
  {
    name: 'engine-crash',
    from: FROM_ENGINE,
    exit: 4,
    async run(k) {
      const env = uniqueEnvName('tri-crash');
      const dir = tempProject(k, env);
      const images = ['datastorage', 'holmesgpt-api', 'aianalysis'];
      for (const i of images) {
        mkdirSync(join(dir, i));
        writeFileSync(
          join(dir, i, 'Containerfile'),
          `FROM ${k.base}\nRUN ["/bin/busybox", "sh", "-c", "echo working-${i}; /bin/busybox sleep ${SLEEP}"]\n`,
        );
      }
      const config = [`name: ${env}`, 'images:', ...images.flatMap((i) => [`  - name: ${i}`, `    context: ${i}`])];
      config.push('build:', '  capacity: 3', 'timeouts:', '  heartbeat: 2s', '  engineRecovery: 3s', '');
      writeFileSync(join(dir, 'tarmac.yaml'), config.join('\n'));
      const { url, service } = await serve(k, dir);
      const child = startTarmac(['build', '--plain', '-f', join(dir, 'tarmac.yaml')], { env: { CONTAINER_HOST: url } });
      await waitFor(
        'all three RUN steps to work',
        () => (stepLogsSaying(dir, 'working-') === 3 ? true : undefined),
        60_000,
        () => stepLogTails(dir),
      );
      service.kill('SIGKILL');
      return outcome(dir, await child, {
        top: 'engine-crash',
        minConfidence: 0.9,
        summary:
          'server probably quit: unexpected EOF\\) while 3 builds ran in parallel \\(capacity 3\\) and did not come back',
      });
    },
  },
  {
    name: 'disk-full',
    from: FROM_ENGINE,
    exit: 4,
    async run(k) {
      const mounted = mkdtempSync(join(tmpdir(), 'tarmac-triage-tmpfs-'));
      await execa('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', mounted]);
      const storageConf = join(mounted, '..', `${mounted.split('/').pop()}-storage.conf`);
      writeFileSync(
        storageConf,
        `[storage]\ndriver = "overlay"\ngraphroot = "${mounted}/root"\nrunroot = "${mounted}/run"\n`,
      );
      const engineEnv = { CONTAINERS_STORAGE_CONF: storageConf };
      k.defer(async () => {
        // Everything in the private store on the tmpfs is this scenario's own.
        const env = { ...process.env, ...engineEnv };
        await execa('podman', ['rm', '-af', '--external'], { env, reject: false });
        await execa('podman', ['rmi', '-af'], { env, reject: false });
        await execa('umount', [mounted], { reject: false });
        rmSync(mounted, { recursive: true, force: true });
        rmSync(storageConf, { force: true });
      });
      await buildBase(k.base, k.label, engineEnv);
      const env = uniqueEnvName('tri-disk');
      const dir = project({
        env,
        base: k.base,
        run: ['RUN ["/bin/busybox", "dd", "if=/dev/zero", "of=/big", "bs=1M", "count=100"]'],
      });
      k.defer(() => rmSync(dir, { recursive: true, force: true }));
      k.defer(() => execa('podman', ['network', 'rm', '-f', `tarmac-${env}`], { reject: false }).then(() => undefined));
      return outcome(
        dir,
        await runTarmac(['up', '--no-test', '--plain', '-f', join(dir, 'tarmac.yaml')], { env: engineEnv }),
        {
          top: 'disk-full',
          evidence: '(No|no) (S|s)pace left on device',
          // The Containerfile is not blamed with confidence.
          below: { 'build-failed': 0.5 },
        },
      );
    },
  },
  {
    name: 'registry-auth',
    from: FROM_REAL_ENGINE,
    exit: 'nonzero',
    async run(k) {
      const registry = await startRegistry(20_000, { users: { ci: 'right-Password-31' } });
      k.defer(() => registry.stop());
      const { dir } = k.podman.make('tri-regauth', {
        extra: { registry: { url: `${registry.host}/triage-real`, insecure: true, username: 'ci' } },
      });
      const r = await runTarmac(['build', '--push', '--plain', '-f', join(dir, 'tarmac.yaml')], {
        env: { TARMAC_REGISTRY_PASSWORD: 'wrong-Password-77' },
      });
      const result = outcome(dir, r, { top: 'registry-auth', evidence: 'REGISTRY_AUTH' });
      // The password never reaches what triage wrote (it is stored with the recording).
      for (const file of ['triage.json', join('evidence', 'triage-input.json')])
        if (readFileSync(join(result.runDir, file), 'utf8').includes('wrong-Password-77'))
          throw new Error(`${file} holds the registry password`);
      return result;
    },
  },
  {
    name: 'engine-hung',
    from: FROM_REAL_ENGINE,
    exit: 4,
    async run(k) {
      const { dir } = k.podman.make('tri-hung', {
        run: [`RUN ["/bin/busybox", "sh", "-c", "echo working; /bin/busybox sleep ${SLEEP}"]`],
        // build: 30s, not 12s: on a loaded machine the RUN must get to print before the build's own limit.
        extra: { timeouts: { build: '30s', stall: '3s', heartbeat: '2s', engineRecovery: '5s' } },
      });
      const { url, service } = await serve(k, dir);
      const child = startTarmac(['build', '--plain', '-f', join(dir, 'tarmac.yaml')], { env: { CONTAINER_HOST: url } });
      await waitFor(
        'the RUN step to print',
        () => (stepLogsSaying(dir, 'working') > 0 ? true : undefined),
        60_000,
        () => stepLogTails(dir),
      );
      service.kill('SIGSTOP');
      return outcome(dir, await child, { top: 'engine-hung', summary: 'hangs' });
    },
  },
  {
    // Through up/build/test, engine-unreachable is never the top verdict (an engine down at the start fails engine
    // detection, one lost mid-run is an engine-crash incident). Where it is right: `tarmac doctor`, which writes no
    // run dir, so the doctor's own triage is repeated in-process with a run dir of its own to record it.
    name: 'engine-unreachable',
    from: FROM_REAL_ENGINE,
    exit: 3,
    async run(k) {
      const { dir } = k.podman.make('tri-unreach', {});
      const { url, service } = await serve(k, dir);
      const gone = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGKILL');
      await gone;
      const doctor = await runTarmac(['doctor', '--json', '-f', join(dir, 'tarmac.yaml')], {
        env: { CONTAINER_HOST: url },
      });
      const runDir = join(dir, '.tarmac', 'runs', 'doctor');
      mkdirSync(runDir, { recursive: true });
      const processEnv = { ...process.env, CONTAINER_HOST: url };
      const env = (await loadCommandConfig({ file: join(dir, 'tarmac.yaml') }, dir, 'if-present'))?.env;
      const engine = await engineForTriage(env?.engine ?? { type: 'auto' }, runCommand, processEnv);
      await triageRun({
        ...(env ? { env } : {}),
        ...(engine ? { engine } : {}),
        runner: runCommand,
        runDir,
        signal: new AbortController().signal,
        processEnv,
        redact: makeRedactor(secretValues(env, processEnv)),
      });
      return {
        runDir,
        exitCode: doctor.exitCode,
        output: doctor.all ?? '',
        expect: { top: 'engine-unreachable', evidence: 'connection refused|no such file' },
      };
    },
  },
];
