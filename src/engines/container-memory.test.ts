import { describe, expect, it } from 'vitest';
import { recorded } from '../../test/fixtures/engines/recorded.js';
import { parseMemUsage, runningContainersMemory } from './container-memory.js';
import { engineAnswering, P } from './podman.test-kit.js';

describe('container memory', () => {
  it('reads podman (decimal) and docker (binary) usage, skipping lines that do not parse', () => {
    const used = parseMemUsage(
      ['2ff84ea075bd 1.335MB / 25.28GB', '4e9880c36573 249.9kB / 25.28GB', 'abc 1.5MiB / 7.6GiB', 'junk', ''].join(
        '\n',
      ),
    );
    expect([...used]).toEqual([
      ['2ff84ea075bd', 1_335_000],
      ['4e9880c36573', 249_900],
      ['abc', 1.5 * 1024 ** 2],
    ]);
  });

  it('measures only running containers, joined to their labels by short id', async () => {
    const { engine, runner } = engineAnswering({
      ps: recorded(`${P}/ps-labelled`),
      stats: { exitCode: 0, stdout: '8a666a94033c 2.5MB / 25.28GB\n' },
    });
    const usage = await runningContainersMemory(engine);
    expect(usage).toEqual([
      { labels: expect.objectContaining({ 'io.tarmac.env': 'tarmac-fixture-recording' }) as object, bytes: 2_500_000 },
    ]);
    const stats = runner.calls.find((c) => c.args.includes('stats'));
    // The created (not running) container is not asked about.
    expect(stats?.args).toEqual([
      'stats',
      '--no-stream',
      '--format',
      '{{.ID}} {{.MemUsage}}',
      '8a666a94033c5ecc5c9a4ad07410a39306e1d8335fbc582f7ab249350705a119',
    ]);
  });

  it('is empty when stats fails', async () => {
    const { engine } = engineAnswering({
      ps: recorded(`${P}/ps-labelled`),
      stats: { exitCode: 125, stderr: 'Error: cgroups v1 is not supported' },
    });
    expect(await runningContainersMemory(engine)).toEqual([]);
  });
});
