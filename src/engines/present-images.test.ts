import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from './podman.js';
import { answerByVerb } from './engine.test-kit.js';
import { imagesPresent } from './present-images.js';

const LISTING = 'localhost/base:tm-1\n<none>:<none>\nlocalhost/api:tm-2\n';

function engineAnswering(answers: Parameters<typeof answerByVerb>[0]) {
  const runner = answerByVerb(answers);
  return { runner, engine: createPodmanEngine(runner) };
}

describe('imagesPresent', () => {
  it('answers every listed ref from one listing and asks only the others one by one', async () => {
    const { runner, engine } = engineAnswering({
      images: { stdout: LISTING },
      'image exists': { exitCode: 1 },
    });
    const present = await imagesPresent(engine, ['localhost/base:tm-1', 'localhost/api:tm-2', 'localhost/api:tm-3']);
    expect([...present]).toEqual([
      ['localhost/base:tm-1', true],
      ['localhost/api:tm-2', true],
      ['localhost/api:tm-3', false],
    ]);
    expect(runner.calls.map((c) => c.args.slice(0, 2).join(' '))).toEqual(['images --format', 'image exists']);
  });

  it('asks each ref when the listing fails, and never lists for a single ref', async () => {
    const failing = engineAnswering({ images: { exitCode: 125, stderr: 'boom' }, 'image exists': { exitCode: 0 } });
    expect([...(await imagesPresent(failing.engine, ['a:1', 'b:1'])).values()]).toEqual([true, true]);
    expect(failing.runner.calls.filter((c) => c.args[0] === 'image')).toHaveLength(2);
    const single = engineAnswering({ 'image exists': { exitCode: 0 } });
    expect((await imagesPresent(single.engine, ['a:1'])).get('a:1')).toBe(true);
    expect(single.runner.calls).toHaveLength(1);
  });
});
