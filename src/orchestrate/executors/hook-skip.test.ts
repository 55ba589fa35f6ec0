// What hooks do when their group is not applied: the pure decision, and the dispatcher that acts on it over real
// records and real hook processes (node), with a target whose pods are ready and which counts applies.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { podFixture } from '../../../test/fixtures/kube/load.js';
import type { HookSpec } from '../../config/types.js';
import { runCommand } from '../../exec/run-command.js';
import { renderGroup } from '../../kube/render.js';
import type { RenderedGroup } from '../../kube/types.js';
import { makeEnv } from '../../plan/plan.test-kit.js';
import type { Step } from '../../plan/types.js';
import type { ClusterTarget } from '../../targets/types.js';
import { stepDispatcher } from './dispatch.js';
import { hookPosition, hookSkipReason } from './hook-skip.js';

describe('hookSkipReason', () => {
  it('skips an after hook when its group was cached in this run, and runs it when the group was applied', () => {
    expect(hookSkipReason({ group: 'data', phase: 'after', deployState: 'cached' })).toBe(
      'deploy:data was cached, not applied: after hooks run only after their group is applied',
    );
    expect(hookSkipReason({ group: 'data', phase: 'after', deployState: 'succeeded' })).toBeUndefined();
  });

  it('skips a before hook when the group is in place, and runs it otherwise', () => {
    const inPlace = { inPlace: true as const, detail: 'manifests as last applied, 1 workload(s) ready' };
    expect(hookSkipReason({ group: 'data', phase: 'before', place: inPlace })).toBe(
      'deploy:data is in place (manifests as last applied, 1 workload(s) ready): before hooks run only when their group is applied',
    );
    expect(hookSkipReason({ group: 'data', phase: 'before', place: { inPlace: false, why: 'x' } })).toBeUndefined();
    expect(hookSkipReason({ group: 'data', phase: 'before' })).toBeUndefined();
  });
});

const node = process.execPath;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// A project whose group `data` has a before hook and two after hooks, each appending its name to a file.
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-hook-skip-'));
  dirs.push(dir);
  const hook = (name: string): HookSpec => ({
    name,
    command: [node, '-e', `require("fs").appendFileSync("ran.txt", "${name}\\n")`],
    env: {},
    cwd: dir,
    timeoutMs: 10_000,
  });
  const env = makeEnv([]);
  env.deploy = [
    {
      name: 'data',
      manifests: [],
      after: [],
      hooks: { before: [hook('prepare')], after: [hook('seed'), hook('check')] },
    },
  ];
  const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: {} };
  const group: RenderedGroup = renderGroup('data', [{ object: deployment, file: 'a.yaml', line: 1 }], new Map(), {
    pullPolicy: 'Never',
  });
  const counts = { applies: 0 };
  const target = {
    type: 'podman',
    name: 'env',
    apply: () => Promise.resolve(void counts.applies++),
    pods: () => Promise.resolve([{ ...podFixture('running-ready'), owner: { kind: 'Deployment', name: 'api' } }]),
    endpoints: () => Promise.resolve({}),
    testEnv: () => ({}),
  } as unknown as ClusterTarget;
  return { dir, env, group, target, counts };
}

// One `up` of the group's steps in plan order; returns each step's result.
async function up(p: ReturnType<typeof project>, failHook?: string) {
  const run = stepDispatcher({
    env: p.env,
    engine: {} as never,
    target: p.target,
    runner: (cmd, args, options) =>
      runCommand(cmd, args[1]?.includes(`"${failHook}`) ? ['-e', 'process.exit(3)'] : args, options),
    runId: 'run',
    version: 'test',
    images: { refs: new Map(), presence: new Map(), cached: new Map() },
    groups: new Map([['data', p.group]]),
    onTestOutcome: () => {},
    deployRecords: { stateDir: join(p.dir, '.tarmac'), runId: 'run' },
  });
  const ctx = { signal: new AbortController().signal, output: () => {}, attempt: 1 };
  const step = (kind: Step['kind'], subject: string) =>
    ({ id: `${kind}:${subject}`, kind, subject, timeoutMs: 60_000 }) as Step;
  const results: Record<string, unknown> = {};
  for (const [kind, subject] of [
    ['hook', 'data/prepare'],
    ['deploy', 'data'],
    ['hook', 'data/seed'],
    ['hook', 'data/check'],
  ] as const) {
    const result = await run(step(kind, subject), ctx).catch((e: unknown) => (e as { code: string }).code);
    results[`${kind}:${subject}`] = typeof result === 'string' ? result : (result as { state: string }).state;
    if (typeof result === 'string') break;
  }
  return results;
}

const ran = (p: ReturnType<typeof project>) => {
  const file = join(p.dir, 'ran.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
};

describe('hooks of a group that is not applied', () => {
  it('run on the first up; on a second up that changes nothing every hook step is cached and none runs', async () => {
    const p = project();
    expect(await up(p)).toEqual({
      'hook:data/prepare': 'succeeded',
      'deploy:data': 'succeeded',
      'hook:data/seed': 'succeeded',
      'hook:data/check': 'succeeded',
    });
    expect(await up(p)).toEqual({
      'hook:data/prepare': 'cached',
      'deploy:data': 'cached',
      'hook:data/seed': 'cached',
      'hook:data/check': 'cached',
    });
    expect(ran(p)).toEqual(['prepare', 'seed', 'check']);
    expect(p.counts.applies).toBe(1);
  });

  it('run again, with the apply, after an after hook failed: a group is in place only once they all succeeded', async () => {
    const p = project();
    expect((await up(p, 'check'))['hook:data/check']).toBe('HOOK_FAILED');
    expect(await up(p)).toEqual({
      'hook:data/prepare': 'succeeded',
      'deploy:data': 'succeeded',
      'hook:data/seed': 'succeeded',
      'hook:data/check': 'succeeded',
    });
    expect(ran(p)).toEqual(['prepare', 'seed', 'prepare', 'seed', 'check']);
    expect(p.counts.applies).toBe(2);
  });

  it('finds a hook by its step subject, with its phase and whether it is the last of it', () => {
    const { env } = project();
    expect(hookPosition(env, 'data/seed')).toMatchObject({ phase: 'after', last: false, hook: { name: 'seed' } });
    expect(hookPosition(env, 'data/check')).toMatchObject({ phase: 'after', last: true });
    expect(hookPosition(env, 'data/prepare')).toMatchObject({ phase: 'before', last: true });
    expect(() => hookPosition(env, 'data/nope')).toThrow('planned without its hook');
  });
});
