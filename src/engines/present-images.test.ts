import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from './podman.js';
import { answerByVerb } from './engine.test-kit.js';
import { imagesPresent } from './present-images.js';

// What `image inspect --format` prints for the images it found (two tags of one image, one of another); the
// missing ref is on stderr and the exit code is 125.
const FOUND = {
  exitCode: 125,
  stdout: 'localhost/base:tm-1\nlocalhost/base:latest\nlocalhost/api:tm-2\n',
  stderr: 'Error: x: image not known',
};

function engineAnswering(answers: Parameters<typeof answerByVerb>[0]) {
  const runner = answerByVerb(answers);
  return { runner, engine: createPodmanEngine(runner) };
}

describe('imagesPresent', () => {
  it('answers every found ref from one inspect of all of them and asks only the others one by one', async () => {
    const { runner, engine } = engineAnswering({
      'image inspect': FOUND,
      'image exists': { exitCode: 1 },
    });
    const present = await imagesPresent(engine, ['localhost/base:tm-1', 'localhost/api:tm-2', 'localhost/api:tm-3']);
    expect([...present]).toEqual([
      ['localhost/base:tm-1', true],
      ['localhost/api:tm-2', true],
      ['localhost/api:tm-3', false],
    ]);
    expect(runner.calls.map((c) => c.args.slice(0, 2).join(' '))).toEqual(['image inspect', 'image exists']);
    expect(runner.calls[0]?.args.slice(-3)).toEqual([
      'localhost/base:tm-1',
      'localhost/api:tm-2',
      'localhost/api:tm-3',
    ]);
  });

  it('takes a ref the engine names as missing for absent, without asking it again (podman and docker wording)', async () => {
    for (const stderr of [
      'error inspecting object: localhost/api:tm-3: image not known\nError: inspecting object: localhost/db:tm-4: image not known',
      'Error: No such image: localhost/api:tm-3\nError: No such image: localhost/db:tm-4',
    ]) {
      const { runner, engine } = engineAnswering({
        'image inspect': { ...FOUND, stderr },
        'image exists': { exitCode: 0 },
      });
      const present = await imagesPresent(engine, ['localhost/base:tm-1', 'localhost/api:tm-3', 'localhost/db:tm-4']);
      expect([...present.values()], stderr).toEqual([true, false, false]);
      expect(
        runner.calls.map((c) => c.args[1]),
        stderr,
      ).toEqual(['inspect']);
    }
  });

  it('does not take a longer name that contains the ref for the ref', async () => {
    const { runner, engine } = engineAnswering({
      'image inspect': { ...FOUND, stderr: 'Error: inspecting object: localhost/api:tm-30: image not known' },
      'image exists': { exitCode: 0 },
    });
    expect((await imagesPresent(engine, ['localhost/base:tm-1', 'localhost/api:tm-3'])).get('localhost/api:tm-3')).toBe(
      true,
    );
    expect(runner.calls.map((c) => c.args[1])).toEqual(['inspect', 'exists']);
  });

  it('asks each ref when the inspect fails, and never inspects for a single ref', async () => {
    const failing = engineAnswering({
      'image inspect': { exitCode: 125, stderr: 'boom' },
      'image exists': { exitCode: 0 },
    });
    expect([...(await imagesPresent(failing.engine, ['a:1', 'b:1'])).values()]).toEqual([true, true]);
    expect(failing.runner.calls.filter((c) => c.args[1] === 'exists')).toHaveLength(2);
    const single = engineAnswering({ 'image exists': { exitCode: 0 } });
    expect((await imagesPresent(single.engine, ['a:1'])).get('a:1')).toBe(true);
    expect(single.runner.calls).toHaveLength(1);
  });

  it('does not trust what a timed-out inspect printed', async () => {
    const { engine } = engineAnswering({
      'image inspect': { ...FOUND, exitCode: undefined, timedOut: true },
      'image exists': { exitCode: 1 },
    });
    expect([...(await imagesPresent(engine, ['localhost/base:tm-1', 'localhost/api:tm-2'])).values()]).toEqual([
      false,
      false,
    ]);
  });
});
