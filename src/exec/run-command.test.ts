import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isGone, waitFor } from '../../test/fixtures/exec/process-state.js';
import { runCommand } from './run-command.js';
import type { CommandOptions } from './types.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/exec/${name}`, import.meta.url));
const node = process.execPath;

/** Runs a fixture and aborts it once it printed `ready`. */
async function runUntilReady(name: string, args: string[], options: CommandOptions = {}) {
  const controller = new AbortController();
  const seen: string[] = [];
  const result = await runCommand(node, [fixture(name), ...args], {
    ...options,
    signal: controller.signal,
    onLine: (line) => {
      seen.push(line);
      if (line === 'ready') controller.abort();
    },
  });
  return { result, seen };
}

function readPids(file: string): { child: number; grandchild: number } {
  return JSON.parse(readFileSync(file, 'utf8')) as { child: number; grandchild: number };
}

describe('run', () => {
  it('returns exit code 0 as ok with both streams', async () => {
    const result = await runCommand(node, [fixture('exit.mjs'), '0']);
    expect(result).toMatchObject({
      ok: true,
      exitCode: 0,
      signal: undefined,
      stdout: 'out',
      stderr: 'err',
      timedOut: false,
      cancelled: false,
    });
    expect(result.command).toBe(`${node} ${fixture('exit.mjs')} 0`);
    expect(result.durationMs).toBeGreaterThan(0);
    expect(result.spawnError).toBeUndefined();
  });

  it('returns a non-zero exit code as a failed result without throwing', async () => {
    const result = await runCommand(node, [fixture('exit.mjs'), '3']);
    expect(result).toMatchObject({ ok: false, exitCode: 3, timedOut: false, cancelled: false });
  });

  it('streams stdout and stderr lines in arrival order', async () => {
    const lines: [string, string][] = [];
    // The child writes its next line only once this side has acknowledged the last one (no timing assumed).
    const ack = join(mkdtempSync(join(tmpdir(), 'tarmac-interleave-')), 'ack');
    writeFileSync(ack, '');
    const result = await runCommand(node, [fixture('interleave.mjs')], {
      env: { ACK_FILE: ack },
      onLine: (line, stream) => {
        lines.push([stream, line]);
        appendFileSync(ack, `${line}\n`);
      },
    });
    rmSync(dirname(ack), { recursive: true, force: true });
    const expected = [
      ['stdout', 'one'],
      ['stderr', 'two'],
      ['stdout', 'three'],
      ['stderr', 'four'],
    ];
    expect(lines).toEqual(expected);
    expect(result.tail).toEqual(['one', 'two', 'three', 'four']);
    expect(result.stdout).toBe('one\nthree');
    expect(result.stderr).toBe('two\nfour');
  });

  it('splits on carriage returns, joins split CRLF and UTF-8, and flushes the last line', async () => {
    const lines: string[] = [];
    await runCommand(node, [fixture('progress.mjs')], { onLine: (line) => lines.push(line) });
    expect(lines).toEqual(['10%', '20%', '30%', 'crlf', 'next', 'price 5€', 'no newline at the end']);
  });

  it('keeps only the last tailLines lines in tail but all of stdout', async () => {
    const result = await runCommand(node, [fixture('many-lines.mjs'), '100'], { tailLines: 10 });
    expect(result.tail).toEqual(Array.from({ length: 10 }, (_, i) => `line ${91 + i}`));
    expect(result.stdout.split('\n')).toHaveLength(100);
  });

  it('delivers lines while the process is still running, and cancels on abort', async () => {
    const { result, seen } = await runUntilReady('forever.mjs', []);
    expect(seen).toEqual(['ready']);
    expect(result).toMatchObject({
      ok: false,
      cancelled: true,
      timedOut: false,
      forceKilled: false,
      signal: 'SIGTERM',
      exitCode: undefined,
    });
  });

  it('kills a process that outlives timeoutMs', async () => {
    const result = await runCommand(node, [fixture('forever.mjs')], { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, timedOut: true, timeoutMs: 300, cancelled: false, signal: 'SIGTERM' });
    expect(result.durationMs).toBeGreaterThanOrEqual(300);
  });

  it('escalates to SIGKILL when the process ignores SIGTERM', async () => {
    const { result, seen } = await runUntilReady('ignore-sigterm.mjs', [], { killGraceMs: 300 });
    expect(result).toMatchObject({ cancelled: true, forceKilled: true, signal: 'SIGKILL' });
    expect(seen).toContain('ignoring SIGTERM');
  });

  it('returns a missing binary as spawnError instead of throwing', async () => {
    const result = await runCommand('tarmac-no-such-binary', ['--version']);
    expect(result).toMatchObject({ ok: false, exitCode: undefined, spawnError: 'tarmac-no-such-binary not found' });
  });

  it('names a missing working directory', async () => {
    const result = await runCommand(node, ['-v'], { cwd: '/nonexistent/tarmac-dir' });
    expect(result.spawnError).toBe('working directory /nonexistent/tarmac-dir does not exist');
  });

  it('does not start when the signal is already aborted', async () => {
    const result = await runCommand(node, [fixture('forever.mjs')], { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, cancelled: true, exitCode: undefined, durationMs: 0 });
  });

  it('merges env over process.env and removes variables set to undefined', async () => {
    const set = await runCommand(node, [fixture('env.mjs'), 'TARMAC_TEST_VALUE'], {
      env: { TARMAC_TEST_VALUE: 'hello' },
    });
    expect(set.stdout).toBe('hello');
    expect(process.env.PATH).toBeDefined();
    const removed = await runCommand(node, [fixture('env.mjs'), 'PATH'], { env: { PATH: undefined } });
    expect(removed.stdout).toBe('<unset>');
  });

  it('writes input to stdin, and gives an empty stdin otherwise', async () => {
    expect((await runCommand(node, [fixture('echo-stdin.mjs')], { input: 'abc' })).stdout).toBe('ABC');
    const noInput = await runCommand(node, [fixture('echo-stdin.mjs')], { timeoutMs: 10_000 });
    expect(noInput).toMatchObject({ ok: true, stdout: '' });
  });

  it('rejects only when the onLine callback itself throws', async () => {
    const boom = new Error('callback bug');
    await expect(
      runCommand(node, [fixture('exit.mjs'), '0'], {
        onLine: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });

  it('rejects invalid options as a bug', async () => {
    await expect(runCommand(node, ['-v'], { timeoutMs: -1 })).rejects.toThrow(
      'Expected `timeoutMs` to be a non-negative integer, got `-1` (number)',
    );
  });
});

describe('run: process trees', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-exec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('kills the child and the grandchild when the run is cancelled', async () => {
    const pidFile = join(dir, 'plain.json');
    const { result } = await runUntilReady('spawn-grandchild.mjs', [pidFile]);
    expect(result.cancelled).toBe(true);
    const { child, grandchild } = readPids(pidFile);
    await waitFor('child and grandchild to be gone', () => isGone(child) && isGone(grandchild), 5000);
  });

  it('SIGKILLs a grandchild that ignores SIGTERM once the grace period ends', async () => {
    const pidFile = join(dir, 'stubborn.json');
    await runUntilReady('spawn-grandchild.mjs', [pidFile, 'stubborn'], { killGraceMs: 300 });
    const { grandchild } = readPids(pidFile);
    await waitFor('the stubborn grandchild to be gone', () => isGone(grandchild), 5000);
  });

  it('kills the process tree when tarmac exits mid-run', async () => {
    const pidFile = join(dir, 'exit.json');
    const result = await runCommand(node, ['--import', 'tsx', fixture('exit-during-run.ts'), pidFile], {
      timeoutMs: 30_000,
    });
    expect(result.exitCode).toBe(0);
    expect(existsSync(pidFile)).toBe(true);
    const { child, grandchild } = readPids(pidFile);
    await waitFor('child and grandchild to die with their parent', () => isGone(child) && isGone(grandchild), 5000);
  });
});

describe('stopDescendantsFirst', () => {
  it('stops the children and lets the command exit (and clean up) by itself', async () => {
    const { result, seen } = await runUntilReady('cleanup-when-child-dies.mjs', [], {
      stopDescendantsFirst: true,
      killGraceMs: 5000,
    });
    expect(result.cancelled).toBe(true);
    expect(result.exitCode).toBe(7);
    expect(result.signal).toBeUndefined();
    expect(seen).toContain('cleaned up');
  });

  it('without it, the whole group is signalled and no cleanup runs', async () => {
    const { result } = await runUntilReady('cleanup-when-child-dies.mjs', [], { killGraceMs: 5000 });
    expect(result.cancelled).toBe(true);
    // The command itself died of the group's SIGTERM; it never got to finish its cleanup and exit 7. (Under heavy
    // load it may still print its first line after its child died and before its own signal is acted on.)
    expect(result.signal).toBe('SIGTERM');
    expect(result.exitCode).not.toBe(7);
  });
});
