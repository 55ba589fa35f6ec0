// Acceptance for `tarmac up` / `status` / `test` / `down` on the podman target, real podman end to end.
import { execa } from 'execa';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { removeEnvImages } from '../support/podman-query.js';
import { prepareExample } from '../support/podman-env.js';
import { readJournal, finalStates } from '../support/journal-checks.js';

const envName = uniqueEnvName('up');
let dir = '';
const file = () => join(dir, 'tarmac.yaml');

async function podmanLines(args: string[]): Promise<string[]> {
  return (await execa('podman', args, { reject: false })).stdout.split('\n').filter(Boolean);
}

/**
 * Everything podman holds for the env: containers, pods, networks and volumes named or labelled with it.
 * The foreign look-alikes are left out by name: a container made from a tarmac image inherits the image's labels.
 */
async function envResources(): Promise<string[]> {
  const label = `label=io.tarmac.env=${envName}`;
  return (await envResourcesWithForeign(label)).filter((r) => !r.includes('foreign'));
}

async function envResourcesWithForeign(label: string): Promise<string[]> {
  return [
    ...(await podmanLines(['ps', '-a', '--filter', label, '--format', 'container {{.Names}}'])),
    ...(await podmanLines(['pod', 'ps', '--filter', label, '--format', 'pod {{.Name}}'])),
    ...(await podmanLines(['network', 'ls', '--format', 'network {{.Name}}'])).filter((n) => n.includes(envName)),
    ...(await podmanLines(['volume', 'ls', '--filter', label, '--format', 'volume {{.Name}}'])),
  ];
}

beforeAll(async () => {
  await prepareExample();
  dir = copyExample(envName, 2, (config) => {
    (config.cluster as Record<string, unknown>).name = `${envName}-e2e`;
  });
});

afterAll(async () => {
  await runTarmac(['down', '-f', file()]);
  await execa('podman', ['rm', '-f', `${envName}-foreign`], { reject: false });
  await execa('podman', ['network', 'rm', '-f', `tarmac-${envName}-foreign`], { reject: false });
  await removeEnvImages(envName);
});

describe('tarmac up on the podman target (real podman)', () => {
  it('builds, deploys and passes the example suite on a cold run', async () => {
    const r = await runTarmac(['up', '-f', file()]);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/tests: 7 passed, 0 failed, 0 skipped/);
    expect(r.stdout).toMatch(/✓ deploy:apps done/);
    expect(existsSync(join(dir, 'e2e-results.xml'))).toBe(true);
  });

  it('rebuilds nothing and redelivers nothing the second time', async () => {
    const r = await runTarmac(['up', '-f', file(), '--json']);
    expect(r.exitCode, r.all).toBe(0);
    const runs = join(dir, '.tarmac', 'runs');
    const latest = readdirSync(runs).sort().at(-1) ?? '';
    const states = finalStates(readJournal(join(runs, latest)));
    for (const [step, state] of Object.entries(states)) {
      if (step.startsWith('build:') || step.startsWith('deliver:') || step === 'cluster')
        expect(state, step).toBe('cached');
    }
    expect(states.test).toBe('succeeded');
  });

  it('status shows the env healthy with its endpoints; test re-runs the suite', async () => {
    const status = await runTarmac(['status', '-f', file()]);
    expect(status.exitCode, status.all).toBe(0);
    expect(status.stdout).toMatch(/healthy/);
    expect(status.stdout).toMatch(/aianalysis: http:\/\/127\.0\.0\.1:\d+/);
    const test = await runTarmac(['test', '-f', file()]);
    expect(test.exitCode, test.all).toBe(0);
    expect(test.stdout).toMatch(/7 passed, 0 failed, 0 skipped/);
  });

  it('down removes every container, pod, network, volume and temp file of the env, and nothing foreign', async () => {
    // Foreign look-alikes: no tarmac labels, similar names.
    await execa('podman', ['network', 'create', `tarmac-${envName}-foreign`]);
    const image =
      (
        await podmanLines([
          'images',
          '--filter',
          `label=io.tarmac.env=${envName}`,
          '--filter',
          'reference=localhost/base',
          '--format',
          '{{.Repository}}:{{.Tag}}',
        ])
      )[0] ?? '';
    await execa('podman', ['create', '--name', `${envName}-foreign`, image, '/bin/busybox', 'true']);
    const before = await envResources();
    expect(before.length).toBeGreaterThan(0);
    const r = await runTarmac(['down', '-f', file()]);
    expect(r.exitCode, r.all).toBe(0);
    expect(await envResources()).toEqual([]);
    expect(await podmanLines(['ps', '-a', '--filter', `name=${envName}-foreign`, '--format', '{{.Names}}'])).toEqual([
      `${envName}-foreign`,
    ]);
    expect(
      await podmanLines(['network', 'ls', '--filter', `name=tarmac-${envName}-foreign`, '--format', '{{.Name}}']),
    ).toEqual([`tarmac-${envName}-foreign`]);
    expect(readdirSync(tmpdir()).filter((f) => f.includes(envName) && !dir.includes(f))).toEqual([]);
    expect(existsSync(join(dir, '.tarmac', 'state.json'))).toBe(false);
    const status = await runTarmac(['status', '-f', file()]);
    expect(status.exitCode).toBe(3);
  });
});
