// Planted secrets never reach a file under .tarmac/ or the terminal: a registry password in tarmac.yaml
// (used for real against a local registry with basic auth), a GitHub-style token and secret-named
// values (test.env, build args) printed by a failing test command and a failing RUN step. Then
// `tarmac triage` and `tarmac report --html` on the failed runs.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { prepareExample } from '../support/podman-env.js';
import { removeEnvImages } from '../support/podman-query.js';
import { startRegistry, type LocalRegistry } from '../support/registry.js';
import { copySharedExample, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envName = uniqueEnvName('secrets');
const PASSWORD = 'Reg1stry-Pa55-planted-7f3c';
const GITHUB_TOKEN = 'ghp_PlantedToken0123456789abcdefABCDEF';
const TEST_TOKEN = 'test-env-planted-9d2e41';
const BUILD_TOKEN = 'build-arg-planted-5b7a08';
const PLANTED = [PASSWORD, GITHUB_TOKEN, TEST_TOKEN, BUILD_TOKEN, Buffer.from(`u:${PASSWORD}`).toString('base64')];

let registry: LocalRegistry;
let project = '';
const file = () => join(project, 'tarmac.yaml');
const outputs: { command: string; text: string }[] = [];

/** Runs tarmac and keeps its whole stdout and stderr for the leak check. */
async function tarmac(args: string[]) {
  const r = await runTarmac(args);
  outputs.push({ command: `tarmac ${args.join(' ')}`, text: `${r.stdout}\n${r.stderr}` });
  return r;
}

beforeAll(async () => {
  await prepareExample();
  registry = await startRegistry(20_000, { users: { u: PASSWORD } });
  // The shared images: the example's builds are layer-cache hits, then tagged and pushed with the password.
  project = copySharedExample(envName, (config) => {
    config.registry = {
      url: `${registry.host}/${envName}`,
      push: true,
      insecure: true,
      username: 'u',
      password: PASSWORD,
    };
    // The suite prints the token and the secret env value on stdout and stderr, then fails.
    config.test = {
      command: [
        'sh',
        '-c',
        `echo "deploying with ${GITHUB_TOKEN}"; echo "API_TOKEN=$API_TOKEN"; echo "auth $API_TOKEN failed" >&2; exit 1`,
      ],
      env: { API_TOKEN: TEST_TOKEN },
    };
  });
});

afterAll(async () => {
  await runTarmac(['down', '-f', file()]);
  await removeEnvImages(envName);
  await registry?.stop();
});

describe('planted secrets', () => {
  it('a failing up (push with the registry password, a suite printing tokens) is triaged and reported', async () => {
    const up = await tarmac(['up', '-f', file(), '--plain', '--verbose']);
    expect(up.exitCode, up.all).toBe(1);
    // The secrets were really in play: the suite ran and printed (masked) lines, the pushes used the password.
    expect(up.all).toContain('API_TOKEN=***');
    expect(up.all).toContain('auth *** failed');
    const log = readFileSync(join(runDirs()[0]!, 'steps', 'test.log'), 'utf8');
    expect(log).toContain('deploying with ***');
    expect(registry.log()).toMatch(/PUT \/v2\/[^ ]*\/manifests\/tm-/);
    expect((await tarmac(['triage', '-f', file()])).exitCode).not.toBe(70);
    const report = await tarmac(['report', '-f', file(), '--html', join(project, '.tarmac', 'up-report.html')]);
    expect(report.exitCode, report.all).toBe(0);
    expect(report.stdout).toContain('## Root causes');
  });

  it('a failing RUN step that prints a secret build arg and a token is triaged and reported', async () => {
    const leaky = join(project, 'leaky');
    mkdirSync(leaky, { recursive: true });
    writeFileSync(
      join(leaky, 'Containerfile'),
      [
        'ARG TARMAC_IMAGE_BASE',
        'FROM ${TARMAC_IMAGE_BASE}',
        'ARG API_TOKEN',
        // The base is a bare busybox: no /bin/sh, so the shell is busybox's, in exec form.
        `RUN ["/bin/busybox", "sh", "-c", "echo token ${GITHUB_TOKEN}; echo arg $API_TOKEN; exit 3"]`,
        '',
      ].join('\n'),
    );
    const config = parse(readFileSync(file(), 'utf8')) as { images: Record<string, unknown>[] };
    config.images.push({ name: 'leaky', context: 'leaky', dependsOn: ['base'], args: { API_TOKEN: BUILD_TOKEN } });
    writeFileSync(file(), stringify(config));
    const build = await tarmac(['build', '-f', file(), '--only', 'leaky', '--push', '--plain', '--verbose']);
    expect(build.exitCode, build.all).toBe(4);
    expect(build.all).toContain('arg ***');
    expect(build.all).toContain('token ***');
    expect((await tarmac(['triage', '-f', file()])).exitCode).not.toBe(70);
    const report = await tarmac(['report', '-f', file(), '--html', join(project, '.tarmac', 'build-report.html')]);
    expect(report.exitCode, report.all).toBe(0);
  });

  it('appear in no file under .tarmac/ and in no output of the CLI', () => {
    const files = walk(join(project, '.tarmac'));
    // What must be there to check: both runs' journals, logs, triage and reports.
    const names = files.map((f) => relative(project, f));
    for (const pattern of [
      /events\.jsonl$/,
      /steps\/test\.log$/,
      /steps\/build_leaky\.log$/,
      /triage\.json$/,
      /triage\.md$/,
      /report\.md$/,
      /report\.html$/,
      /up-report\.html$/,
    ]) {
      expect(
        names.some((n) => pattern.test(n)),
        `${pattern} in ${names.join(', ')}`,
      ).toBe(true);
    }
    const leaks: string[] = [];
    for (const f of files) {
      // Bundles are .tar.gz: their members are checked uncompressed.
      const text = (f.endsWith('.gz') ? gunzipSync(readFileSync(f)) : readFileSync(f)).toString('latin1');
      for (const secret of PLANTED) if (text.includes(secret)) leaks.push(`${relative(project, f)} holds ${secret}`);
    }
    for (const o of outputs)
      for (const secret of PLANTED) if (o.text.includes(secret)) leaks.push(`${o.command} printed ${secret}`);
    expect(leaks).toEqual([]);
  });
});

/** The run directories, oldest first. */
function runDirs(): string[] {
  const root = join(project, '.tarmac', 'runs');
  return readdirSync(root)
    .sort()
    .map((id) => join(root, id));
}

/** Every file under `dir` (the history database and lease files included). */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
