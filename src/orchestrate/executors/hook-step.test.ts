// The hook executor with real processes (node): the endpoint environment the tests get, the hook's own env on top,
// its output streamed into the step, and a failing or missing command as a classified step failure.
import { describe, expect, it } from 'vitest';
import type { HookSpec } from '../../config/types.js';
import { runCommand } from '../../exec/run-command.js';
import { makeEnv } from '../../plan/plan.test-kit.js';
import type { ClusterTarget } from '../../targets/types.js';
import { runHookStep } from './hook-step.js';

const node = process.execPath;

// Only what a hook reads from the target: its endpoints and the tests' environment.
const target = {
  endpoints: () =>
    Promise.resolve({ datastorage: 'http://127.0.0.1:18081', 'holmesgpt-api': 'http://127.0.0.1:18082' }),
  testEnv: () => ({ KUBECONFIG: '/project/.tarmac/kubeconfig' }),
} as unknown as ClusterTarget;

function envWith(hook: Partial<HookSpec>) {
  const env = makeEnv([]);
  const spec: HookSpec = {
    name: 'seed',
    command: [node, '-e', ''],
    env: {},
    cwd: process.cwd(),
    timeoutMs: 60_000,
    ...hook,
  };
  env.deploy = [{ name: 'data', manifests: [], after: [], namespace: 'shop', hooks: { before: [], after: [spec] } }];
  return env;
}

async function run(hook: Partial<HookSpec>, controller = new AbortController(), abortOn?: string) {
  const lines: string[] = [];
  const result = await runHookStep(envWith(hook), target, runCommand, 'data/seed', {
    signal: controller.signal,
    output: (l) => {
      lines.push(l);
      if (l === abortOn) controller.abort();
    },
    attempt: 1,
  }).catch((e: unknown) => e);
  return { result, lines };
}

describe('runHookStep', () => {
  it('runs the command with the endpoint variables, the target env, the group, and its own env winning', async () => {
    const print =
      'for (const k of ["TARMAC_SERVICE_DATASTORAGE","TARMAC_SERVICE_HOLMESGPT_API","KUBECONFIG","TARMAC_GROUP","TARMAC_NAMESPACE","COUNT"]) console.log(k + "=" + process.env[k])';
    const { result, lines } = await run({
      command: [node, '-e', print],
      env: { COUNT: '3', KUBECONFIG: '/mine' },
    });
    expect(result).toEqual({ state: 'succeeded', detail: expect.stringContaining('exited 0') });
    expect(lines).toEqual([
      'TARMAC_SERVICE_DATASTORAGE=http://127.0.0.1:18081',
      'TARMAC_SERVICE_HOLMESGPT_API=http://127.0.0.1:18082',
      'KUBECONFIG=/mine',
      'TARMAC_GROUP=data',
      'TARMAC_NAMESPACE=shop',
      'COUNT=3',
    ]);
  });

  it('fails with HOOK_FAILED, exit 4, the exit code and the last output lines', async () => {
    const script =
      'for (let i = 1; i <= 30; i++) console.log("line " + i); console.error("seed: 500 from datastorage"); process.exit(3)';
    const { result } = await run({ command: [node, '-e', script] });
    expect(result).toMatchObject({
      code: 'HOOK_FAILED',
      exitCode: 4,
      message: expect.stringMatching(/^hook data\/seed failed: `.*` exited 3$/),
    });
    const details = (result as { details: string[] }).details;
    expect(details).toHaveLength(20);
    expect(details.at(-1)).toBe('seed: 500 from datastorage');
    expect(details[0]).toBe('line 12');
  });

  it('fails with HOOK_COMMAND_NOT_FOUND (exit 2) when the program cannot start', async () => {
    const { result } = await run({ command: ['tarmac-no-such-seeder', 'x'] });
    expect(result).toMatchObject({
      code: 'HOOK_COMMAND_NOT_FOUND',
      exitCode: 2,
      hint: expect.stringContaining('a bare name is looked up on PATH'),
    });
  });

  it('stops the command and reports a cancellation when the step is aborted', async () => {
    // Aborted once the command printed: the cancellation must come from stopping it, not from never starting it.
    const { result } = await run(
      { command: [node, '-e', 'console.log("started"); setInterval(() => {}, 1000)'] },
      new AbortController(),
      'started',
    );
    expect(result).toMatchObject({
      code: 'CANCELLED',
      message: expect.stringContaining('hook data/seed was cancelled'),
    });
  });

  it("forgets the target's shared status once the hook ran: whatever it did to the env, later checks see", async () => {
    const seen: string[] = [];
    const forgetting = { ...target, forgetStatus: () => void seen.push('forget') } as unknown as ClusterTarget;
    await runHookStep(
      envWith({ command: [node, '-e', 'console.log("hook ran")'] }),
      forgetting,
      runCommand,
      'data/seed',
      {
        signal: new AbortController().signal,
        output: (l) => void seen.push(l),
        attempt: 1,
      },
    );
    expect(seen.at(-1)).toBe('forget');
    expect(seen.indexOf('hook ran')).toBeLessThan(seen.lastIndexOf('forget'));
  });
});
