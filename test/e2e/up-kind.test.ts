// `tarmac up` on the kind path, end to end through the CLI, against the kind/kubectl stand-ins on real podman
// (no kind binary or API server can run here: see test/fixtures/standins/README.md).
import { execa } from 'execa';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { removeEnvImages } from '../support/podman-query.js';
import { prepareExample } from '../support/podman-env.js';
import { finalStates, readJournal } from '../support/journal-checks.js';
import { removeStandinCluster, removeStandinEnv, standinEnv, type StandinEnv } from '../fixtures/standins/support.js';

const envName = uniqueEnvName('kindup');
const cluster = `${envName}-e2e`;
let dir = '';
let env: StandinEnv;
const file = () => join(dir, 'tarmac.yaml');
const up = async () => {
  const r = await runTarmac(['up', '--no-test', '-f', file(), '--json'], { env });
  expect(r.exitCode, r.all).toBe(0);
  return { r, states: finalStates(readJournal((JSON.parse(r.stdout) as { journal: string }).journal)) };
};

beforeAll(async () => {
  await prepareExample();
  env = standinEnv();
  dir = copyExample(envName, 1, (config) => {
    config.cluster = { target: 'kind', name: cluster };
  });
});

afterAll(async () => {
  await runTarmac(['down', '-f', file()], { env });
  await removeStandinCluster(cluster);
  removeStandinEnv(env);
  await removeEnvImages(envName);
});

describe('tarmac up, kind target (stand-ins)', () => {
  it('creates the cluster, loads each image, deploys and waits until ready', async () => {
    const { states } = await up();
    expect(states.cluster).toBe('succeeded');
    for (const image of ['datastorage', 'holmesgpt-api', 'aianalysis'])
      expect(states[`deliver:${image}`], image).toBe('succeeded');
    expect(states['deploy:apps']).toBe('succeeded');
  });

  it('reuses the healthy cluster and redelivers nothing on the second run', async () => {
    const { states } = await up();
    expect(states.cluster).toBe('cached');
    for (const image of ['datastorage', 'holmesgpt-api', 'aianalysis'])
      expect(states[`deliver:${image}`], image).toBe('cached');
  });

  it('recreates the cluster when its node container is gone (the seed state) and says why', async () => {
    await execa('podman', ['stop', '-t', '0', `${cluster}-control-plane`]);
    const listed = await execa('kind', ['get', 'clusters'], { env });
    expect(listed.stdout.split('\n')).toContain(cluster);
    const { r, states } = await up();
    expect(states.cluster).toBe('succeeded');
    expect(r.stderr).toMatch(/recreated: .*(not running|exited)/i);
    // A new cluster has an empty image store: every image is loaded again.
    expect(states['deliver:datastorage']).toBe('succeeded');
  });

  it('down deletes the cluster tarmac created', async () => {
    const r = await runTarmac(['down', '-f', file()], { env });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`removed .*${cluster}`));
    const listed = await execa('kind', ['get', 'clusters'], { env, reject: false });
    expect(listed.stdout.split('\n')).not.toContain(cluster);
  });
});
