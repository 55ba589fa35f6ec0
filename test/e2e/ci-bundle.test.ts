// Acceptance for CI mode and the artifact bundle, against real podman: a failing `tarmac build` under
// CI=true GITHUB_ACTIONS=true prints annotations, appends the job summary, and writes a bundle that
// holds the run's files and none of the secrets planted in the step output, the config and JUnit.
import { execa } from 'execa';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeEnvImages } from '../support/podman-query.js';
import { startRegistry, type LocalRegistry } from '../support/registry.js';
import { copyProject, repoRoot, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const TOKEN = 'planted-token-5f3a9c1e7b';
const PASSWORD = 'planted-registry-pass-9876';
const env = uniqueEnvName('cibundle');
const work = mkdtempSync(join(tmpdir(), 'tarmac-ci-'));
const summaryFile = join(work, 'step-summary.md');
const bundleDir = join(work, 'bundles');
let registry: LocalRegistry;
let project = '';
let result: Awaited<ReturnType<typeof runTarmac>>;

beforeAll(async () => {
  registry = await startRegistry();
  project = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), env, (config) => {
    const images = config.images as Record<string, unknown>[];
    // `leaky` prints the token and the registry password in its build output, then fails.
    images.push({ name: 'leaky', context: 'leaky', args: { API_TOKEN: TOKEN, NOTE: PASSWORD } });
    config.registry = { url: `${registry.host}/${env}`, insecure: true, username: 'ci', password: PASSWORD };
    config.test = { command: ['node', 'suite.mjs'], junit: 'results/junit.xml' };
  });
  const leaky = join(project, 'leaky');
  mkdirSync(leaky);
  copyFileSync('/bin/busybox', join(leaky, 'busybox'));
  writeFileSync(
    join(leaky, 'Containerfile'),
    [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'ARG API_TOKEN',
      'ARG NOTE',
      'RUN ["/bin/busybox", "sh", "-c", "echo leak: $API_TOKEN / $NOTE; exit 3"]',
      '',
    ].join('\n'),
  );
  // A JUnit file (the config's test.junit) a test command left behind, with the token in a failure message.
  mkdirSync(join(project, 'results'));
  writeFileSync(
    join(project, 'results', 'junit.xml'),
    `<testsuite name="s"><testcase classname="c" name="n"><failure message="auth with ${TOKEN} failed"/></testcase></testsuite>\n`,
  );
  writeFileSync(summaryFile, '# earlier step\n');
  result = await runTarmac(['build', '-f', join(project, 'tarmac.yaml')], {
    cwd: project,
    env: {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: project,
      TARMAC_BUNDLE_DIR: bundleDir,
    },
  });
});

afterAll(async () => {
  await removeEnvImages(env);
  await registry?.stop();
  rmSync(work, { recursive: true, force: true });
  if (project) rmSync(project, { recursive: true, force: true });
});

function runId(): string {
  const [id] = readdirSync(join(project, '.tarmac', 'runs'));
  if (!id) throw new Error('no run dir');
  return id;
}

async function extract(archive: string): Promise<{ dir: string; files: string[]; text: string }> {
  const dir = mkdtempSync(join(work, 'x-'));
  await execa('tar', ['-xzf', archive, '-C', dir]);
  const files = (await execa('find', [dir, '-type', 'f'])).stdout
    .split('\n')
    .map((f) => f.slice(dir.length + 1))
    .sort();
  const text = (
    await execa(
      'cat',
      files.map((f) => join(dir, f)),
    )
  ).stdout;
  return { dir, files, text };
}

describe('a failing build under CI=true GITHUB_ACTIONS=true', () => {
  it('prints ::error annotations for each failed step, on its line of tarmac.yaml', () => {
    expect(result.exitCode, result.all).toBe(4);
    expect(result.stdout).toMatch(
      /^::error file=tarmac\.yaml,line=\d+,title=tarmac build%3A build%3Abroken failed \[BUILD_FAILED\]::image broken failed to build at STEP 3\/\d+: RUN /m,
    );
    expect(result.stdout).toMatch(
      /^::error file=tarmac\.yaml,line=\d+,title=tarmac build%3A build%3Aleaky failed \[BUILD_FAILED\]::/m,
    );
    // The line is the image's `- name:` line in the config tarmac wrote.
    const lines = readFileSync(join(project, 'tarmac.yaml'), 'utf8').split('\n');
    const line = Number(/file=tarmac\.yaml,line=(\d+),title=tarmac build%3A build%3Abroken/.exec(result.stdout)?.[1]);
    expect(lines[line - 1]).toMatch(/name: broken$/);
    // The annotations hold no planted secret (the build summary above them is not CI output: not checked here).
    const annotations = result.stdout
      .split('\n')
      .filter((l) => l.startsWith('::'))
      .join('\n');
    expect(annotations).toContain('build%3Aleaky');
    expect(annotations).not.toContain(TOKEN);
    expect(annotations).not.toContain(PASSWORD);
    // A failed run is always triaged: triage.json is written and its verdict annotated.
    expect(existsSync(join(project, '.tarmac', 'runs', runId(), 'triage.json'))).toBe(true);
    expect(result.stdout).toMatch(/^::error title=tarmac triage%3A /m);
  });

  it('appends the job summary: outcome, results and the timeline', () => {
    const md = readFileSync(summaryFile, 'utf8');
    expect(md.startsWith('# earlier step\n## tarmac build: ❌ FAILED\n')).toBe(true);
    expect(md).toContain(`Run \`${runId()}\``);
    expect(md).toMatch(/Steps: .*1 succeeded.*2 failed.*1 skipped|Steps: .*2 failed/);
    expect(md).toMatch(/\*\*build:broken\*\* failed `BUILD_FAILED`/);
    expect(md).toMatch(/\| `build:good` \| ✅ succeeded \| \+\d/);
    expect(md).toMatch(/\| `build:after-broken` \| ⏭️ skipped \|/);
    expect(md).toContain(`- bundle: \`${join(bundleDir, `${runId()}.tar.gz`)}\``);
    expect(md).not.toContain(TOKEN);
  });

  it("writes the bundle on its own: journal, step logs, reports and config, never the config's test.junit, no planted secret", async () => {
    const archive = join(bundleDir, `${runId()}.tar.gz`);
    expect(result.stdout).toContain(`bundle: ${archive}`);
    const { files, text } = await extract(archive);
    const top = `tarmac-${runId()}`;
    expect(files).toEqual(
      expect.arrayContaining([
        `${top}/MANIFEST.txt`,
        `${top}/events.jsonl`,
        `${top}/owner.json`,
        `${top}/steps/build_broken.log`,
        `${top}/steps/build_leaky.log`,
        `${top}/config/tarmac.yaml`,
        // Written by the triage and report stages before the CI stage runs.
        `${top}/triage.json`,
        `${top}/triage.md`,
        `${top}/report.md`,
        `${top}/report.html`,
      ]),
    );
    expect(files.some((f) => f.startsWith(`${top}/evidence/`))).toBe(true);
    // The redacted step output is there (the leak line, masked), so the check below is not vacuous.
    expect(text).toMatch(/leak: \*\*\* \/ \*\*\*/);
    // A build has no test step, so no JUnit copy of tarmac's own: the config's test.junit is never packed.
    expect(files).not.toContain(`${top}/junit.xml`);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PASSWORD);
    const manifest = readFileSync(join((await extract(archive)).dir, top, 'MANIFEST.txt'), 'utf8');
    expect(manifest).toMatch(/^ {2}events\.jsonl \(\d+ bytes\)$/m);
    // A build has no JUnit copy of its own and, on podman, no kind cluster: the manifest says both are missing.
    expect(manifest).toMatch(
      /missing \(the run has none\):\n {2}junit\.xml \(JUnit results\)\n {2}kind-logs\/ \(kind export logs\)/,
    );
  });

  it('`tarmac bundle RUN -o FILE` packs the same run on demand', async () => {
    const out = join(work, 'explicit.tar.gz');
    const r = await runTarmac(
      ['bundle', runId().slice(0, 15), '-f', join(project, 'tarmac.yaml'), '-o', out, '--json'],
      { env: { CI: '' } },
    );
    expect(r.exitCode, r.all).toBe(0);
    const json = JSON.parse(r.stdout) as { bundle: string; files: string[]; missing: string[] };
    expect(json.bundle).toBe(out);
    expect(json.files).toEqual(
      expect.arrayContaining([
        'MANIFEST.txt',
        'events.jsonl',
        'steps/build_leaky.log',
        'config/tarmac.yaml',
        'report.md',
        'report.html',
      ]),
    );
    const { text } = await extract(out);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PASSWORD);
  });

  it('`tarmac bundle` names the runs there are when the run is unknown', async () => {
    const r = await runTarmac(['bundle', 'nope', '-f', join(project, 'tarmac.yaml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/no run `nope`/);
    expect(r.stderr).toContain(runId());
  });
});
