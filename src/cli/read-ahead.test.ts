// When the CLI takes the read ahead's answer (only for its own config, and only when no run held the env since it
// started), and what `tarmac test` keeps for the next time.
import { describe, expect, it } from 'vitest';
import type { Env } from '../config/types.js';
import { runCommand } from '../exec/run-command.js';
import type { CommandResult } from '../exec/types.js';
import { readRecipe } from '../exec/read-ahead/recipe.js';
import type { StartedReadAhead } from '../exec/read-ahead/start.js';
import type { EnvLock } from '../lease/env-lock.js';
import type { ClusterTarget } from '../targets/types.js';
import { tempDirs } from '../files/temp-dir.test-kit.js';
import { keepReadAhead, readAheadRunner } from './read-ahead.js';

const stateDirs = tempDirs('tarmac-keep');
const LISTING = ['ps', '-a', '--filter', 'label=io.tarmac.env=shop', '--format', 'json'];
const env = { file: '/p/tarmac.yaml', stateDir: '/p/.tarmac' } as Env;

function readAhead(configFile = env.file) {
  const stops: number[] = [];
  const answer: CommandResult = {
    command: `podman ${LISTING.join(' ')}`,
    exitCode: 0,
    signal: undefined,
    timedOut: false,
    cancelled: false,
    forceKilled: false,
    durationMs: 3,
    stdout: 'ahead',
    stderr: '',
    tail: [],
    ok: true,
  };
  const ahead: StartedReadAhead = {
    recipe: { configFile, cmd: 'podman', args: LISTING, env: {} },
    startedAt: 1000,
    result: Promise.resolve(answer),
    stop: () => void stops.push(1),
  };
  return { ahead, stops };
}
const lock = (untouched: boolean): EnvLock => ({ release: () => undefined, untouchedSince: () => untouched });

describe('readAheadRunner', () => {
  it('is the plain runner when nothing was read ahead', () => {
    expect(readAheadRunner(undefined, env, lock(true), () => undefined)).toBe(runCommand);
  });

  it.each([
    ['a run held the env since it started', readAhead(), lock(false)],
    ['the env was not locked', readAhead(), undefined],
    ['it read another config', readAhead('/q/tarmac.yaml'), lock(true)],
  ])('stops the read ahead and runs everything when %s', (_why, { ahead, stops }, held) => {
    expect(readAheadRunner(ahead, env, held, () => undefined)).toBe(runCommand);
    expect(stops).toHaveLength(1);
  });

  it('answers its call from it when the lock shows the env untouched, and says so', async () => {
    const { ahead, stops } = readAhead();
    const said: string[] = [];
    const runner = readAheadRunner(ahead, env, lock(true), (m) => said.push(m));
    expect((await runner('podman', LISTING, { env: {} })).stdout).toBe('ahead');
    expect(stops).toEqual([]);
    expect(said).toEqual([
      `read ahead: \`podman ${LISTING.join(' ')}\` started before the CLI loaded, and no run held the env since`,
    ]);
  });
});

describe('keepReadAhead', () => {
  const engine = {
    invocation: (args: readonly string[]) => ({
      cmd: 'podman',
      args: ['--url', 'unix:///p.sock', ...args],
      env: { A: '1' },
    }),
  };
  const podmanLike = { healthQuery: () => LISTING } as unknown as ClusterTarget;

  it("keeps the target's health query as the engine runs it", () => {
    const stateDir = stateDirs();
    keepReadAhead({ ...env, stateDir }, engine, podmanLike);
    expect(readRecipe(stateDir)).toEqual({ configFile: env.file, ...engine.invocation(LISTING) });
    expect(readRecipe(stateDir)?.args).toEqual(['--url', 'unix:///p.sock', ...LISTING]);
  });

  it('keeps nothing for a target without one (kind), and forgets what an earlier target kept', () => {
    const stateDir = stateDirs();
    keepReadAhead({ ...env, stateDir }, engine, podmanLike);
    expect(readRecipe(stateDir)).toBeDefined();
    keepReadAhead({ ...env, stateDir }, engine, {} as ClusterTarget);
    expect(readRecipe(stateDir)).toBeUndefined();
  });
});
