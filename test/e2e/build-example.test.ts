// Acceptance for `tarmac build` on the bundled example, against real podman.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, parseJsonOutput, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { removeEnvImages } from '../support/podman-query.js';
import { finalStates, peakRunningWeight, readJournal, startOrder } from '../support/journal-checks.js';
import { prepareExample } from '../support/podman-env.js';

const envName = uniqueEnvName('example');
let project = '';

beforeAll(async () => {
  await prepareExample();
  // A light WORK keeps the heavy image heavy enough to overlap with nothing, without costing 20 s per build.
  project = copyExample(envName, 2);
});
afterAll(async () => {
  await removeEnvImages(envName);
});

const build = async () => {
  const result = await runTarmac(['build', '-f', join(project, 'tarmac.yaml'), '--json']);
  expect(result.exitCode, result.all).toBe(0);
  const json = parseJsonOutput(result.stdout);
  return {
    json,
    events: readJournal(json.journal),
    states: Object.fromEntries(json.images.map((i) => [i.name, i.state])),
  };
};

describe('tarmac build on examples/aianalysis (real podman)', () => {
  it('builds all 4 images cold, heavy first, never above capacity', async () => {
    const { states, events } = await build();
    expect(states).toEqual({
      base: 'succeeded',
      datastorage: 'succeeded',
      'holmesgpt-api': 'succeeded',
      aianalysis: 'succeeded',
    });
    expect(peakRunningWeight(events)).toBeLessThanOrEqual(2);
    const resources = events.flatMap((e) => (e.type === 'resource' ? [e] : []));
    expect(resources.length).toBeGreaterThan(0);
    for (const e of resources) expect(e.inUse).toBeLessThanOrEqual(e.capacity);
    const services = startOrder(events).filter((id) => id !== 'build:base');
    expect(services[0]).toBe('build:holmesgpt-api');
  });

  it('builds nothing the second time: every image is reported cached', async () => {
    const { states, events } = await build();
    expect(Object.values(states)).toEqual(['cached', 'cached', 'cached', 'cached']);
    expect(startOrder(events)).toEqual([]);
  });

  it('rebuilds only the service whose file changed', async () => {
    appendFileSync(join(project, 'datastorage', '.tarmac-test-nonce'), '-changed');
    const { states, events } = await build();
    expect(states).toEqual({
      base: 'cached',
      datastorage: 'succeeded',
      'holmesgpt-api': 'cached',
      aianalysis: 'cached',
    });
    expect(finalStates(events)['build:datastorage']).toBe('succeeded');
  });

  it('rebuilds a base image and every image built on it when the base changes', async () => {
    appendFileSync(join(project, 'base', '.tarmac-test-nonce'), '-changed');
    const { states } = await build();
    expect(states).toEqual({
      base: 'succeeded',
      datastorage: 'succeeded',
      'holmesgpt-api': 'succeeded',
      aianalysis: 'succeeded',
    });
  });
});
