// Small real projects for the triage scenarios: one busybox-based image, one deploy group, read back triage.json.
import type { ChildProcess } from 'node:child_process';
import { execa } from 'execa';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { TarmacEvent } from '../../src/events/types.js';
import type { TriageResult } from '../../src/triage/types.js';
import { readJournal } from '../support/journal-checks.js';
import { removeEnvImages } from '../support/podman-query.js';
import { runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

/** A busybox base image for one test file, labelled so afterAll removes only it. */
export async function buildBase(tag: string, label: string, env: Record<string, string> = {}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-triage-base-'));
  mkdirSync(join(dir, 'rootfs/bin'), { recursive: true });
  copyFileSync('/bin/busybox', join(dir, 'rootfs/bin/busybox'));
  writeFileSync(join(dir, 'Containerfile'), 'FROM scratch\nCOPY rootfs/ /\n');
  // podman 4.3's store races with other test files removing images ("layer not known"): build again then.
  for (let attempt = 1; ; attempt++) {
    const r = await execa('podman', ['build', '-q', '--layers=false', '-t', tag, '--label', label, dir], {
      env: { ...process.env, ...env },
      reject: false,
    });
    if (r.exitCode === 0) break;
    if (attempt >= 3 || !/(layer|image) not known/.test(r.stderr))
      throw new Error(`podman build of ${tag} failed: ${r.stderr}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

export interface ProjectSpec {
  env: string;
  base: string;
  /** Containerfile lines after FROM. */
  run?: string[];
  /** The deployment's container fields (image defaults to the logical name `app`); no deploy when undefined. */
  container?: Record<string, unknown>;
  cluster?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

/** Writes the project; returns its directory. */
export function project(spec: ProjectSpec): string {
  const dir = mkdtempSync(join(tmpdir(), `tarmac-${spec.env}-`));
  mkdirSync(join(dir, 'app'));
  writeFileSync(
    join(dir, 'app/Containerfile'),
    [`FROM ${spec.base}`, ...(spec.run ?? []), `LABEL nonce=${spec.env}`, ''].join('\n'),
  );
  const config: Record<string, unknown> = {
    name: spec.env,
    images: [{ name: 'app', context: 'app' }],
    cluster: { target: 'podman', name: `${spec.env}-e2e`, ...spec.cluster },
    timeouts: { deploy: '40s', heartbeat: '2s' },
    ...spec.extra,
  };
  if (spec.container) {
    mkdirSync(join(dir, 'manifests'));
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'app' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'app' } },
        template: {
          metadata: { labels: { app: 'app' } },
          spec: { containers: [{ name: 'app', image: 'app', imagePullPolicy: 'IfNotPresent', ...spec.container }] },
        },
      },
    };
    writeFileSync(join(dir, 'manifests/app.yaml'), stringify(deployment));
    config.deploy = [{ name: 'apps', manifests: ['manifests'] }];
  }
  writeFileSync(join(dir, 'tarmac.yaml'), stringify(config));
  return dir;
}

/** The only run of a project: its directory, journal and triage.json (undefined until written). */
export function lastRun(dir: string): { runDir: string; events: TarmacEvent[]; triage: TriageResult | undefined } {
  const runs = join(dir, '.tarmac', 'runs');
  const ids = existsSync(runs) ? readdirSync(runs).sort() : [];
  const id = ids.at(-1);
  if (!id) throw new Error(`no run in ${runs}`);
  const runDir = join(runs, id);
  const file = join(runDir, 'triage.json');
  return {
    runDir,
    events: readJournal(runDir),
    triage: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TriageResult) : undefined,
  };
}

/** The journal and triage.json of a run dir (triage undefined until written). */
export function triageOf(runDir: string): { events: TarmacEvent[]; triage: TriageResult | undefined } {
  const file = join(runDir, 'triage.json');
  return {
    events: readJournal(runDir),
    triage: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TriageResult) : undefined,
  };
}

/** Milliseconds from the failure (the run's finish in the journal) to the verdict (triage.json's generatedAt). */
export function verdictDelayMs(events: TarmacEvent[], triage: TriageResult): number {
  const finished = events.findLast((e) => e.type === 'run.finished') ?? events.at(-1);
  const delay = triage.generatedAt - (finished?.at ?? 0);
  // TARMAC_TRIAGE_TIMINGS=<file> collects the measured delays (one JSON line per scenario) for the bench notes.
  const out = process.env.TARMAC_TRIAGE_TIMINGS;
  if (out)
    appendFileSync(
      out,
      `${JSON.stringify({ top: triage.verdicts[0]?.ruleId ?? 'unclassified', delayMs: delay, triageMs: triage.durationMs })}\n`,
    );
  return delay;
}

/** `tarmac up --no-test --plain` on the project. */
export async function up(dir: string, env: Record<string, string> = {}, args: string[] = []) {
  return runTarmac(['up', '--no-test', '--plain', ...args, '-f', join(dir, 'tarmac.yaml')], { env });
}

/** `tarmac down` of the project, never throwing. */
export async function down(dir: string, env: Record<string, string> = {}): Promise<void> {
  await runTarmac(['down', '-f', join(dir, 'tarmac.yaml')], { env });
}

/**
 * Projects on one base for a test file: `make` creates one with a unique env; `removeAll` takes each made so far
 * down and removes its pod, images and directory (call it from afterAll).
 */
export function scenarioProjects(base: string) {
  const made: { env: string; dir: string }[] = [];
  return {
    make(prefix: string, spec: Omit<ProjectSpec, 'env' | 'base'>): { env: string; dir: string } {
      const env = uniqueEnvName(prefix);
      const dir = project({ env, base, ...spec });
      made.push({ env, dir });
      return { env, dir };
    },
    async removeAll(): Promise<void> {
      for (const { env, dir } of made.splice(0)) {
        await down(dir);
        await execa('podman', ['pod', 'rm', '-f', `tarmac-${env}-app`], { reject: false });
        await removeEnvImages(env);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Ends what a test's own podman services left: the services, the RUN processes of their killed builds (found by
 * the test's unusual `busybox sleep <sleep>`, ended by pid) and the working containers made from `base`.
 */
export async function endServiceLeftovers(services: ChildProcess[], sleep: string, base: string): Promise<void> {
  for (const s of services) {
    if (s.exitCode !== null || s.signalCode !== null) continue;
    // A SIGSTOPped service (the hung-engine scenario) is continued first, so it dies at once.
    s.kill('SIGCONT');
    s.kill('SIGKILL');
  }
  const ps = await execa('pgrep', ['-f', `busybox sleep ${sleep}`], { reject: false });
  for (const pid of ps.stdout.split('\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
  const external = await execa('podman', ['ps', '-a', '--external', '--format', '{{.ID}} {{.Image}}'], {
    reject: false,
  });
  const ours = external.stdout
    .split('\n')
    .filter((l) => l.includes(base))
    .map((l) => l.split(' ')[0] ?? '');
  if (ours.length > 0) await execa('podman', ['rm', '-f', ...ours], { reject: false });
}
