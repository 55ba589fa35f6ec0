import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { answerByVerb } from '../../engines/engine.test-kit.js';
import type { ImageSpec } from '../../config/types.js';
import type { Step } from '../../plan/types.js';
import { buildImageExecutor } from './build-image.js';

const spec: ImageSpec = {
  name: 'api',
  contextDir: '/ctx',
  containerfile: '/ctx/Containerfile',
  args: {},
  weight: 1,
  dependsOn: [],
};
const step = { id: 'build:api', kind: 'build', subject: 'api' } as Step;
const RACE = 'Error: checking if cached image exists from a previous build: getting top layer info: layer not known';

function executor(buildAnswers: { exitCode: number; stderr?: string }[]) {
  const runner = answerByVerb({
    build: () => buildAnswers.shift() ?? { exitCode: 1 },
    'image exists': { exitCode: 0 },
  });
  const run = buildImageExecutor({
    engine: createPodmanEngine(runner),
    envName: 'e',
    runId: 'r',
    version: '0',
    images: new Map([['api', spec]]),
    refs: new Map([['api', 'localhost/api:tm-0123456789ab']]),
  });
  const lines: string[] = [];
  return {
    runner,
    lines,
    run: () => run(step, { signal: new AbortController().signal, output: (l) => lines.push(l), attempt: 1 }),
  };
}

describe('buildImageExecutor', () => {
  it("builds once more without the layer cache when podman's store changed under the build", async () => {
    const { runner, lines, run } = executor([{ exitCode: 125, stderr: RACE }, { exitCode: 0 }]);
    await expect(run()).resolves.toMatchObject({ state: 'succeeded' });
    const builds = runner.calls.filter((c) => c.args.includes('build'));
    expect(builds.map((c) => c.args.includes('--no-cache'))).toEqual([false, true]);
    expect(lines.some((l) => l.includes('once more without the layer cache'))).toBe(true);
  });

  it('does not retry an ordinary build failure', async () => {
    const { runner, run } = executor([
      { exitCode: 1, stderr: 'Error: building at STEP "RUN false": while running runtime: exit status 1' },
      { exitCode: 0 },
    ]);
    await expect(run()).rejects.toMatchObject({ code: 'BUILD_FAILED' });
    expect(runner.calls.filter((c) => c.args.includes('build'))).toHaveLength(1);
  });
});
