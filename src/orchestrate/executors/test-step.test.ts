// The test step with a real process (node): the target's shared status (podman: one listing for a run's checks) is
// forgotten once the tests ran, passed or failed, so triage and any later check read what the tests left.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../exec/run-command.js';
import { makeEnv } from '../../plan/plan.test-kit.js';
import { runTestStep } from './test-step.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function runSuite(script: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-test-step-'));
  dirs.push(dir);
  const env = { ...makeEnv([]), dir, stateDir: join(dir, '.tarmac') };
  env.test = { command: [process.execPath, '-e', script], env: {}, timeoutMs: 60_000, cwd: dir };
  const seen: string[] = [];
  const target = {
    endpoints: () => Promise.resolve({}),
    testEnv: () => ({}),
    forgetStatus: () => void seen.push('forget'),
  };
  const ctx = { signal: new AbortController().signal, output: (l: string) => void seen.push(l), attempt: 1 };
  const result = await runTestStep(env, target, runCommand, ctx, () => undefined).catch((e: unknown) => e);
  return { result, seen };
}

describe('runTestStep', () => {
  it("forgets the target's shared status after the tests passed", async () => {
    const { result, seen } = await runSuite('console.log("suite ran")');
    expect(result).toMatchObject({ state: 'succeeded' });
    expect(seen.at(-1)).toBe('forget');
    expect(seen.indexOf('suite ran')).toBeLessThan(seen.lastIndexOf('forget'));
  });

  it("forgets the target's shared status after the tests failed, before the failure is thrown", async () => {
    const { result, seen } = await runSuite('console.log("suite ran"); process.exit(1)');
    expect(result).toMatchObject({ code: 'TESTS_FAILED' });
    expect(seen.at(-1)).toBe('forget');
  });
});
