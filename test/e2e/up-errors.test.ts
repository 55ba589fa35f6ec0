// `tarmac up` with bad input: a clear error, and nothing half-created left behind (real podman).
import { execa } from 'execa';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, copySharedExample, repoRoot, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { imagesOfEnv, removeEnvImages } from '../support/podman-query.js';
import { prepareExample } from '../support/podman-env.js';

const envs: string[] = [];
beforeAll(async () => {
  await prepareExample();
});
afterAll(async () => {
  for (const env of envs) {
    await execa('node', [join(repoRoot, 'bin/tarmac.js'), 'down', '-f', join(dirs.get(env) ?? '', 'tarmac.yaml')], {
      reject: false,
    });
    await removeEnvImages(env);
  }
});

const dirs = new Map<string, string>();
/**
 * A copy of the example. The refusals build nothing, so their copy builds cold (an image of the env would show
 * that something was built); a run that gets past the builds uses the shared images (`shared`).
 */
function project(
  edit: (config: Record<string, unknown>) => void = () => {},
  shared = false,
): {
  env: string;
  dir: string;
  file: string;
} {
  const env = uniqueEnvName('uperr');
  envs.push(env);
  const dir = shared ? copySharedExample(env, edit) : copyExample(env, 1, edit);
  dirs.set(env, dir);
  return { env, dir, file: join(dir, 'tarmac.yaml') };
}

/** Nothing of the env exists in podman: no pod, container, network or image. */
async function nothingCreated(env: string): Promise<void> {
  const pods = (await execa('podman', ['pod', 'ps', '-q', '--filter', `label=io.tarmac.env=${env}`])).stdout;
  const networks = (await execa('podman', ['network', 'ls', '--format', '{{.Name}}'])).stdout
    .split('\n')
    .filter((n) => n.includes(env));
  expect(pods).toBe('');
  expect(networks).toEqual([]);
  expect(await imagesOfEnv(env)).toEqual([]);
}

describe('tarmac up: clear errors, nothing half-created', () => {
  it('a manifest that is not valid YAML: exit 2 naming the file and line, before anything is built or created', async () => {
    const { env, dir, file } = project();
    appendFileSync(join(dir, 'manifests/apps/aianalysis.yaml'), '\n---\nkind: [unclosed\n');
    const r = await runTarmac(['up', '-f', file]);
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr).toMatch(/MANIFEST_INVALID/);
    expect(r.stderr).toMatch(/aianalysis\.yaml:\d+:\d+/);
    await nothingCreated(env);
  });

  it('a missing manifests path: exit 2 from config validation', async () => {
    const { env, file } = project((config) => {
      (config.deploy as { manifests: string[] }[])[0]!.manifests = ['manifests/nope'];
    });
    const r = await runTarmac(['up', '-f', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/deploy\[0\]\.manifests\[0\]/);
    await nothingCreated(env);
  });

  it('a test command that does not exist: exit 2 naming it, before anything is built or created', async () => {
    const { env, file } = project((config) => {
      (config.test as { command: string[] }).command = ['no-such-test-runner', 'run'];
    });
    const r = await runTarmac(['up', '-f', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/TEST_COMMAND_NOT_FOUND/);
    expect(r.stderr).toMatch(/no-such-test-runner/);
    await nothingCreated(env);
  });

  it('a JUnit file that is missing: the test step fails with a clear error (exit 4)', async () => {
    const { file } = project((config) => {
      (config.test as { command: string[] }).command = ['node', '-e', '0'];
    }, true);
    const missing = await runTarmac(['up', '-f', file]);
    expect(missing.exitCode, missing.all).toBe(4);
    expect(missing.stdout).toMatch(/JUNIT_MISSING/);
    expect(missing.stdout).toMatch(/e2e-results\.xml/);
    // A malformed file takes the same path (JUNIT_MALFORMED, exit 4): src/orchestrate/executors/test-suite.test.ts.
  });
});
