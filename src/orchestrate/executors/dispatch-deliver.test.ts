import { describe, expect, it } from 'vitest';
import { makeEnv } from '../../plan/plan.test-kit.js';
import type { Step } from '../../plan/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import type { CommandRunner } from '../../exec/types.js';
import type { ClusterTarget } from '../../targets/types.js';
import type { ResolvedImages } from '../resolve-images.js';
import { stepDispatcher } from './dispatch.js';

const REF = 'localhost/api:tm-1';

/** Delivers `api` through the dispatcher; returns the result and how often the target was asked. */
async function deliver(target: { runsFromEngineStore?: boolean }, images: Partial<ResolvedImages>) {
  let asked = 0;
  const fake = {
    type: 'podman',
    name: 'env',
    ...target,
    deliver: () => Promise.resolve(void asked++).then(() => 'present' as const),
  } as unknown as ClusterTarget;
  const execute = stepDispatcher({
    env: makeEnv([{ name: 'api' }]),
    engine: {} as ContainerEngine,
    target: fake,
    runner: {} as CommandRunner,
    runId: 'r',
    version: '0',
    images: { refs: new Map([['api', REF]]), presence: new Map(), cached: new Map(), ...images },
    groups: new Map(),
    onTestOutcome: () => undefined,
  });
  const step = { id: 'deliver:api', kind: 'deliver', subject: 'api' } as Step;
  const result = await execute(step, { signal: new AbortController().signal, output: () => undefined } as never);
  return { result, asked };
}

describe('deliver on a target that runs from the engine store', () => {
  const found = { cached: new Map([['api', undefined]]), presence: new Map([['api', { local: true }]]) };

  it('is cached without asking the target when the run start found the image in the engine', async () => {
    const { result, asked } = await deliver({ runsFromEngineStore: true }, found);
    expect(result).toEqual({ state: 'cached', detail: `${REF} already there (in the engine's store at start)` });
    expect(asked).toBe(0);
  });

  it('asks the target for an image built in this run, and on targets with their own store', async () => {
    const built = { cached: new Map(), presence: new Map([['api', { local: false }]]) };
    expect((await deliver({ runsFromEngineStore: true }, built)).asked).toBe(1);
    expect((await deliver({}, found)).asked).toBe(1);
  });
});
