// Acceptance of "build once, test many" (issue 7) and of registry mode, against a real local registry
// (docker-registry on loopback) and real podman: a build job pushes by content tag and writes refs.json; a second
// build job on a clean machine (its own image store) builds and pushes nothing; two shard jobs in two other
// processes, each with an EMPTY image store and its own env name, run half of the suite each at the same time (one
// with `up --pull-only --shard 1/2`, the other a plain `up --shard 2/2` whose config pulls: `registry.pull`), pulling
// only what they deploy (podman target: per-env networks and pods, ports picked free, so they do not clash);
// `junit merge` of their JUnit files has every test of the suite's --list exactly once. Then a clean store that must
// build one changed image pulls its base first, and a push build with the registry down stops before building.
import { execa } from 'execa';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TarmacEvent } from '../../src/events/types.js';
import { stepLogName } from '../../src/journal/run-dir.js';
import { parseJUnit } from '../../src/junit/junit.js';
import { hasTag } from '../../src/registry/client.js';
import { prepareExample } from '../support/podman-env.js';
import { removeEnvImages, removeImagesNamed } from '../support/podman-query.js';
import { finalStates, readJournal, startOrder } from '../support/journal-checks.js';
import { createCleanStore, startRegistry, type CleanStore, type LocalRegistry } from '../support/registry.js';
import { copyExample, parseJsonOutput, runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { copySuitesExample, removeSuitesExample } from './suites-kit.js';

const buildEnv = uniqueEnvName('ci-build');
const images = ['base', 'datastorage', 'holmesgpt-api', 'aianalysis'];
let registry: LocalRegistry;
let buildDir = '';
const work = mkdtempSync(join(tmpdir(), 'tarmac-ci-once-'));
const refsFile = join(work, 'artifacts', 'refs.json');
interface ShardJob {
  index: number;
  env: string;
  dir: string;
  store: CleanStore;
}
const shards: ShardJob[] = [];
const extraStores: CleanStore[] = [];
// The `ci matrix` job's checkout of examples/suites (taken down and removed after).
let suitesJob: { dir: string; store: CleanStore } | undefined;

// A shard job's checkout: the same sources as the build job (so the same content tags), its own env name.
function shardCheckout(index: number): ShardJob {
  const env = uniqueEnvName(`ci-shard${index}`);
  const dir = join(work, `shard-${index}`);
  // verbatimSymlinks: by default cpSync rewrites relative symlinks to absolute paths into the source, which would
  // change the content tags; a git checkout keeps them as they are. Only the .tarmac state dir stays behind (the
  // .tarmac-test-nonce files are part of the sources), and the build job's stale JUnit file.
  cpSync(buildDir, dir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => !/\/\.tarmac$/.test(src) && !src.endsWith('e2e-results.xml'),
  });
  const file = join(dir, 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  config.name = env;
  config.cluster = { ...(config.cluster as object), name: `${env}-e2e` };
  // Shard 2 is not a --pull-only job: its config pulls what it deploys (registry.pull), and it still builds nothing.
  if (index === 2) config.registry = { ...(config.registry as object), pull: true };
  writeFileSync(file, stringify(config));
  const job = { index, env, dir, store: createCleanStore() };
  shards.push(job);
  return job;
}

beforeAll(async () => {
  await prepareExample();
  registry = await startRegistry();
  // No push/pull in the config: the CI jobs choose with --push and --pull-only.
  buildDir = copyExample(buildEnv, 1, (config) => {
    config.registry = { url: `${registry.host}/${buildEnv}`, insecure: true };
  });
});

afterAll(async () => {
  for (const job of shards) {
    await runTarmac(['down', '-f', join(job.dir, 'tarmac.yaml')], { env: job.store.env });
    job.store.remove();
  }
  for (const store of extraStores) store.remove();
  if (suitesJob) {
    await runTarmac(['down', '-f', join(suitesJob.dir, 'tarmac.yaml')], { env: suitesJob.store.env });
    suitesJob.store.remove();
    removeSuitesExample(suitesJob.dir);
  }
  await removeEnvImages(buildEnv);
  // Also by reference: the label query can miss images while other tests remove theirs at the same time.
  if (registry) await removeImagesNamed(`${registry.host}/${buildEnv}/`);
  await registry?.stop();
  rmSync(buildDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

// [first, last] event time of a run's journal.
function span(journal: string): [number, number] {
  const events = readJournal(journal);
  return [events[0]?.at ?? 0, events.at(-1)?.at ?? 0];
}

// A step's output lines, from the journal's per-step log, and the detail its step.finished event carries.
const stepLines = (journal: string, image: string) =>
  readFileSync(join(journal, 'steps', stepLogName(`build:${image}`)), 'utf8').split('\n');
const finishedDetail = (events: TarmacEvent[], stepId: string) =>
  events.flatMap((e) => (e.type === 'step.finished' && e.stepId === stepId ? [e.detail] : []))[0];

describe('CI: build once, test many (real podman, real docker-registry)', () => {
  let refs: { images: Record<string, string>; env: string; runId: string; registry: string };

  it('the build job builds and pushes every image by content tag and writes refs.json', async () => {
    const r = await runTarmac(['build', '--push', '--refs', refsFile, '-f', join(buildDir, 'tarmac.yaml'), '--json']);
    expect(r.exitCode, r.all).toBe(0);
    const json = parseJsonOutput(r.stdout) as ReturnType<typeof parseJsonOutput> & { refs: typeof refs };
    refs = JSON.parse(readFileSync(refsFile, 'utf8')) as typeof refs;
    expect(Object.keys(refs.images).sort()).toEqual([...images].sort());
    for (const name of images)
      expect(refs.images[name], name).toMatch(new RegExp(`^${registry.host}/${buildEnv}/${name}:tm-[0-9a-f]{12}$`));
    expect(refs).toMatchObject({ env: buildEnv, runId: json.runId, registry: `${registry.host}/${buildEnv}` });
    // --json prints the same document.
    expect(json.refs).toEqual(refs);
    expect(json.images.map((i) => i.state)).toEqual(images.map(() => 'succeeded'));
    const events = readJournal(json.journal);
    for (const name of images) {
      expect(stepLines(json.journal, name)).toContain(`pushed ${refs.images[name]}`);
      expect(finishedDetail(events, `build:${name}`)).toBe(`${refs.images[name]}, pushed`);
      expect(await hasTag(refs.images[name]!, { insecure: true }), name).toBe(true);
    }
    expect(await hasTag(`${registry.host}/${buildEnv}/base:tm-000000000000`, { insecure: true })).toBe(false);
  });

  it('a second build job on a clean machine asks the registry: nothing is built or pushed', async () => {
    const store = createCleanStore();
    extraStores.push(store);
    const r = await runTarmac(['build', '--push', '--json', '-f', join(buildDir, 'tarmac.yaml')], { env: store.env });
    expect(r.exitCode, r.all).toBe(0);
    const json = parseJsonOutput(r.stdout);
    expect(json.images.map((i) => i.state)).toEqual(images.map(() => 'cached'));
    const events = readJournal(json.journal);
    expect(startOrder(events)).toEqual([]);
    for (const name of images)
      expect(finishedDetail(events, `build:${name}`)).toBe(`in registry: ${refs.images[name]}`);
    expect(await store.images()).toEqual([]);
  });

  it('two shard jobs, each in an empty image store, pull only what they deploy and run half of the suite each, at the same time', async () => {
    const jobs = [shardCheckout(1), shardCheckout(2)];
    for (const job of jobs) expect(await job.store.images()).toEqual([]);
    // Shard 1 takes its refs from the build job's file; shard 2 computes the same tags from its sources.
    const runs = await Promise.all(
      jobs.map((job) =>
        startTarmac(
          [
            'up',
            ...(job.index === 1 ? ['--pull-only'] : []),
            '--shard',
            `${job.index}/2`,
            '-f',
            join(job.dir, 'tarmac.yaml'),
            '--json',
            ...(job.index === 1 ? ['--refs', refsFile] : []),
          ],
          { env: job.store.env },
        ),
      ),
    );
    const listed = (await execa('node', ['e2e/suite.mjs', '--list'], { cwd: buildDir })).stdout
      .split('\n')
      .filter(Boolean);
    expect(listed.length).toBe(7);
    const seen: string[][] = [];
    for (const [i, r] of runs.entries()) {
      const job = jobs[i] as ShardJob;
      expect(r.exitCode, r.all).toBe(0);
      const events = readJournal((JSON.parse(r.stdout) as { journal: string }).journal);
      expect(
        startOrder(events).filter((id) => id.startsWith('build:')),
        'nothing is built',
      ).toEqual([]);
      const states = finalStates(events);
      expect(states.test).toBe('succeeded');
      // Both jobs record every build step cached: the images are in the registry.
      for (const name of images) expect(states[`build:${name}`], name).toBe('cached');
      // Every deployed image is pulled by its content tag; the base is only a build input, so nothing pulls it.
      // (The store also gets podman's own pause image, for the pods.)
      const pulled = (await job.store.images()).filter((ref) => ref.startsWith(`${registry.host}/`));
      expect(pulled.sort()).toEqual(['datastorage', 'holmesgpt-api', 'aianalysis'].map((n) => refs.images[n]).sort());
      const cases = parseJUnit(readFileSync(join(job.dir, 'e2e-results.xml'), 'utf8'), `shard ${job.index}`).cases;
      const assigned = readFileSync(
        join((JSON.parse(r.stdout) as { journal: string }).journal, 'shard-tests.txt'),
        'utf8',
      )
        .split('\n')
        .filter(Boolean);
      expect(cases.map((c) => c.name).sort(), `shard ${job.index} runs exactly its ids`).toEqual([...assigned].sort());
      expect(cases.every((c) => c.status === 'passed')).toBe(true);
      seen.push(assigned);
    }
    expect(seen[0]?.length).toBe(4);
    expect(seen[1]?.length).toBe(3);
    // They really ran at the same time: their journals' time spans overlap.
    const [a, b] = runs.map((r) => span((JSON.parse(r.stdout) as { journal: string }).journal)) as [
      [number, number],
      [number, number],
    ];
    expect(a[0] < b[1] && b[0] < a[1], `shard runs ${JSON.stringify([a, b])} overlap`).toBe(true);
  });

  it('a `ci matrix` suites job, `up --pull-only --refs --suite storage@1/2` in an empty store: pulls only its image, builds nothing, runs its shard', async () => {
    const dir = copySuitesExample(uniqueEnvName('ci-suite'), 'podman');
    const job = { dir, store: createCleanStore() };
    suitesJob = job;
    const file = join(dir, 'tarmac.yaml');
    const config = parse(readFileSync(file, 'utf8')) as { registry?: unknown; suites: { test: { list?: string[] } }[] };
    config.registry = { url: `${registry.host}/${buildEnv}`, insecure: true };
    config.suites[0]!.test.list = ['node', '-e', "console.log('a'); console.log('b')"];
    writeFileSync(file, stringify(config));
    const r = await runTarmac(
      ['up', '--pull-only', '--refs', refsFile, '--suite', 'storage@1/2', '--json', '-f', file],
      {
        env: job.store.env,
      },
    );
    expect(r.exitCode, r.all).toBe(0);
    const json = JSON.parse(r.stdout) as { journal: string; suites: { name: string; outcome: string }[] };
    expect(json.suites.map((s) => [s.name, s.outcome])).toEqual([['storage', 'passed']]);
    expect(startOrder(readJournal(json.journal)).filter((id) => id.startsWith('build:'))).toEqual([]);
    const pulled = await job.store.images();
    expect(pulled).toContain(refs.images.datastorage);
    for (const name of ['base', 'holmesgpt-api', 'aianalysis']) expect(pulled, name).not.toContain(refs.images[name]);
    // Shard 1 of the two listed ids, in the suite's own directory of the run.
    expect(readFileSync(join(json.journal, 'suites', 'storage', 'shard-tests.txt'), 'utf8')).toBe('a\n');
  }, 90_000);

  it('junit merge of both shards has every listed test exactly once', async () => {
    const out = join(work, 'merged', 'e2e.xml');
    const files = shards.map((job) => join(job.dir, 'e2e-results.xml'));
    const r = await runTarmac(['junit', 'merge', '-o', out, ...files, '--json']);
    expect(r.exitCode, r.all).toBe(0);
    const merged = parseJUnit(readFileSync(out, 'utf8'), 'merged');
    const listed = (await execa('node', ['e2e/suite.mjs', '--list'], { cwd: buildDir })).stdout
      .split('\n')
      .filter(Boolean);
    expect(merged.cases.map((c) => c.name).sort()).toEqual([...listed].sort());
    expect(new Set(merged.cases.map((c) => c.id)).size).toBe(listed.length);
    expect(merged.totals).toMatchObject({ tests: 7, passed: 7 });
    // `tarmac test --shard` on a live env re-runs another shard's share.
    const job = shards[0] as ShardJob;
    const again = await runTarmac(['test', '--shard', '2/2', '-f', join(job.dir, 'tarmac.yaml')], {
      env: job.store.env,
    });
    expect(again.exitCode, again.all).toBe(0);
    const rerun = parseJUnit(readFileSync(join(job.dir, 'e2e-results.xml'), 'utf8'), 'rerun').cases.map((c) => c.name);
    expect(rerun.sort()).toEqual([...listed].sort().filter((_, i) => i % 2 === 1));
    // Merging one shard twice is refused, not double-counted.
    const twice = await runTarmac([
      'junit',
      'merge',
      '-o',
      join(work, 'merged', 'twice.xml'),
      files[0] as string,
      files[0] as string,
    ]);
    expect(twice.exitCode, twice.all).toBe(4);
    expect(twice.all).toContain('JUNIT_MERGE_DUPLICATES');
  });

  it('a clean store that must build one changed image pulls its base first, builds it and pushes the new tag', async () => {
    const store = createCleanStore();
    extraStores.push(store);
    appendFileSync(join(buildDir, 'datastorage', '.tarmac-test-nonce'), '-changed');
    const r = await runTarmac(['build', '--push', '--json', '-f', join(buildDir, 'tarmac.yaml')], { env: store.env });
    expect(r.exitCode, r.all).toBe(0);
    const json = parseJsonOutput(r.stdout);
    expect(Object.fromEntries(json.images.map((i) => [i.name, i.state]))).toEqual({
      base: 'cached',
      datastorage: 'succeeded',
      'holmesgpt-api': 'cached',
      aianalysis: 'cached',
    });
    const fresh = json.images.find((i) => i.name === 'datastorage')!.ref;
    expect(fresh).not.toBe(refs.images.datastorage);
    expect(stepLines(json.journal, 'datastorage')).toEqual(
      expect.arrayContaining([`pulled ${refs.images.base}`, `pushed ${fresh}`]),
    );
    expect(finishedDetail(readJournal(json.journal), 'build:base')).toBe(`in registry: ${refs.images.base}`);
    expect((await store.images()).sort()).toEqual([refs.images.base, fresh].sort());
    expect(await hasTag(fresh, { insecure: true })).toBe(true);
  });

  it('with the registry down, a push build stops before building with REGISTRY_UNREACHABLE naming it (exit 3)', async () => {
    const host = registry.host;
    await registry.stop();
    const r = await runTarmac(['build', '-f', join(buildDir, 'tarmac.yaml'), '--push']);
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr).toContain('error[REGISTRY_UNREACHABLE]');
    expect(r.stderr).toContain(`Cannot reach the registry at http://${host} (connection refused)`);
    expect(r.stderr).toContain('hint:');
  });
});
