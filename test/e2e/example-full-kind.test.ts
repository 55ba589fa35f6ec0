// examples/full (the grown example) with `cluster.target: kind` on the kind/kubectl stand-ins, real podman, end to
// end through `tarmac up`: platform (namespace, CRD, RBAC, config) → data (StatefulSet, Job, custom resource) → the
// seeding hook writing through the forwarded store endpoint → apps (the local chart by real `helm template`) → the
// example's own suite, which passes over the port-forwards. A second `up --no-test` changes nothing: every step cached,
// no apply, no load, and the seeding hook not run again (its group was not applied).
// The stand-in's pods run nothing; the pods behind its port-forwards are the example's own pods run on podman by
// test plumbing (test/fixtures/standins/pod-backends.ts), from the shared images, before `up`.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadEnv } from '../../src/config/load.js';
import { runCommand } from '../../src/exec/run-command.js';
import { renderDeployGroups } from '../../src/orchestrate/render-groups.js';
import { startPodBackends, type PodBackends } from '../fixtures/standins/pod-backends.js';
import { removeStandinCluster, removeStandinEnv, standinEnv, uniqueClusterName } from '../fixtures/standins/support.js';
import { finalStates, readJournal, startOrder } from '../support/journal-checks.js';
import { k8sTools } from '../support/k8s-tools.js';
import { sharedRefs } from '../support/shared-images.js';
import { repoRoot, runTarmac, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envName = uniqueEnvName('full-kind');
const cluster = uniqueClusterName('full-kind');
const root = mkdtempSync(join(tmpdir(), `tarmac-${envName}-`));
const file = join(root, 'full', 'tarmac.yaml');
let base = standinEnv();
let backends: PodBackends | undefined;
/**
 * A whole `tarmac up` on the stand-ins (a cluster, four loads, three groups, every kubectl call a node process and
 * podman execs): 2.5 min at load 15 on 2 cores, over 5 min at load 35. A bound, never a measure: past it tarmac is
 * interrupted (SIGINT), so its output says where it was and no retry runs beside it.
 */
const UP_TIMEOUT_MS = 600_000;

/** One `tarmac up` of the copy: its exit, output, final step states, start order and step logs. */
async function up(...extra: string[]) {
  const running = startTarmac(['up', '-f', file, '--plain', '--json', ...extra], {
    env: { ...base, ...backends?.env },
  });
  const bound = setTimeout(() => running.kill('SIGINT'), UP_TIMEOUT_MS - 30_000);
  const r = await running.finally(() => clearTimeout(bound));
  // Interrupted or failed before its summary, it prints no JSON: its whole output is the explanation.
  if (!r.stdout.trim().startsWith('{')) throw new Error(`tarmac up exited ${String(r.exitCode)}:\n${r.all}`);
  const run = (JSON.parse(r.stdout) as { journal: string }).journal;
  const events = readJournal(run);
  const steps = join(run, 'steps');
  const log = (step: string) => readFileSync(join(steps, `${step.replace(/[:/]/g, '_')}.log`), 'utf8');
  return { r, states: finalStates(events), order: startOrder(events), events, logs: readdirSync(steps), log };
}

beforeAll(async () => {
  // The example and the services it reuses, side by side as in the repository; its images are the shared ones.
  cpSync(join(repoRoot, 'examples', 'aianalysis'), join(root, 'aianalysis'), { recursive: true });
  cpSync(join(repoRoot, 'examples', 'full'), join(root, 'full'), { recursive: true });
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, stringify({ ...config, name: envName, cluster: { target: 'kind', name: cluster } }));
  const { helmDir } = await k8sTools();
  base = { ...base, PATH: `${base.PATH}:${helmDir}` };
  const env = await loadEnv(file);
  const runner = (cmd: string, args: readonly string[], options = {}) =>
    runCommand(cmd, args, { ...options, env: { PATH: base.PATH } });
  const groups = await renderDeployGroups(env, new Map(Object.entries(sharedRefs())), runner);
  const objects = [...groups.values()].flatMap((g) => g.objects.map((o) => o.object));
  backends = await startPodBackends(`tarmac-backends-${envName}`, objects, base);
}, 120_000);

afterAll(async () => {
  await runTarmac(['down', '-f', file], { env: base });
  await removeStandinCluster(cluster);
  await backends?.stop();
  removeStandinEnv(base);
  rmSync(root, { recursive: true, force: true });
});

describe('examples/full on the kind stand-ins', () => {
  it(
    'deploys platform, data, the seeding hook and the chart in order, and the example suite passes over the forwards',
    async () => {
      const { r, states, order, log } = await up();
      expect(r.exitCode, r.all).toBe(0);
      expect(order.filter((s) => /^(deploy|hook|test)/.test(s))).toEqual([
        'deploy:platform',
        'deploy:data',
        'hook:data/seed',
        'deploy:apps',
        'test',
      ]);
      for (const step of ['deploy:platform', 'deploy:data', 'hook:data/seed', 'deploy:apps', 'test'])
        expect(states[step], step).toBe('succeeded');
      expect(log('hook:data/seed')).toContain('seeded seed-3');
      expect(log('deploy:platform')).toContain(
        'customresourcedefinition.apiextensions.k8s.io/analyses.example.com created',
      );
      expect(log('deploy:apps')).toContain('deployment.apps/aianalysis created');
      expect(log('test')).toContain('4 passed, 0 failed');
    },
    UP_TIMEOUT_MS,
  );

  it(
    'a second up changes nothing: every step cached, nothing applied or loaded, the seeding hook not run again',
    async () => {
      // Without the tests: the first up's suite read the seeded data; what is checked here is what the setup did.
      const { r, states, logs, events, log } = await up('--no-test');
      expect(r.exitCode, r.all).toBe(0);
      const detail = (step: string) =>
        events.flatMap((e) => (e.type === 'step.finished' && e.stepId === step ? [e.detail] : []));
      expect(detail('hook:data/seed')).toEqual([
        'deploy:data was cached, not applied: after hooks run only after their group is applied',
      ]);
      expect(detail('deploy:platform')).toEqual(['manifests as last applied, 6 object(s) in place']);
      expect(Object.keys(states)).toHaveLength(13);
      expect(Object.entries(states).filter(([, state]) => state !== 'cached')).toEqual([]);
      // What each cached step found, from the journal: no image loaded, no group applied. (Not "no step log":
      // on a loaded machine a cached step that checks for long enough logs its heartbeat.)
      const finished = events.flatMap((e) => (e.type === 'step.finished' ? [e] : []));
      const delivers = finished.filter((e) => e.stepId.startsWith('deliver:'));
      expect(delivers).toHaveLength(4);
      for (const e of delivers) expect(e.detail, e.stepId).toMatch(/ already there$/);
      for (const e of finished.filter((f) => f.stepId.startsWith('deploy:')))
        expect(e.detail, e.stepId).toMatch(
          /^manifests as last applied, \d+ (object\(s\) in place|workload\(s\) ready)$/,
        );
      const applied = /\b(created|configured|loaded|imported)\b/;
      expect(logs.filter((f) => applied.test(log(f.replace(/\.log$/, ''))))).toEqual([]);
    },
    UP_TIMEOUT_MS,
  );
});
