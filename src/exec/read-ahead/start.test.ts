// The read ahead as bin/tarmac.js starts it: which config it belongs to, and the real process it runs.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../files/temp-dir.test-kit.js';
import { writeRecipe } from './recipe.js';
import { configFileOf, spawnRecipe, startReadAhead } from './start.js';

const project = tempDirs('tarmac-readahead');

/** An executable named `podman` that prints its arguments and CONTAINER_HOST, or sleeps when told to. */
function fakePodman(dir: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const path = join(bin, 'podman');
  writeFileSync(
    path,
    '#!/bin/sh\n[ "$FAKE_SLEEP" = 1 ] && exec sleep 30\necho "$* host=$CONTAINER_HOST"\necho warn >&2\n',
  );
  chmodSync(path, 0o755);
  return path;
}

const LISTING = ['ps', '-a', '--filter', 'label=io.tarmac.env=shop', '--format', 'json'];

describe('configFileOf', () => {
  it("is -f/--file's path, else tarmac.yaml or tarmac.yml in the working directory", () => {
    const dir = project();
    expect(configFileOf(['test'], dir)).toBeUndefined();
    writeFileSync(join(dir, 'tarmac.yml'), '');
    expect(configFileOf(['test'], dir)).toBe(join(dir, 'tarmac.yml'));
    writeFileSync(join(dir, 'tarmac.yaml'), '');
    expect(configFileOf(['test'], dir)).toBe(join(dir, 'tarmac.yaml'));
    expect(configFileOf(['test', '-f', 'sub/x.yaml'], dir)).toBe(join(dir, 'sub/x.yaml'));
    expect(configFileOf(['--file=/a/b.yaml', 'test'], dir)).toBe('/a/b.yaml');
  });

  it('is nothing for a suite or help, whose reads are not the plain env listing', () => {
    const dir = project();
    writeFileSync(join(dir, 'tarmac.yaml'), '');
    expect(configFileOf(['test', '--suite', 'a'], dir)).toBeUndefined();
    expect(configFileOf(['test', '--suite=a'], dir)).toBeUndefined();
    expect(configFileOf(['test', '--help'], dir)).toBeUndefined();
    expect(configFileOf(['test', '-f', ''], dir)).toBeUndefined();
  });
});

describe('startReadAhead', () => {
  it("runs the recipe kept for this config, with the engine's environment, and collects its output", async () => {
    const dir = project();
    const podman = fakePodman(dir);
    writeFileSync(join(dir, 'tarmac.yaml'), '');
    writeRecipe(join(dir, '.tarmac'), {
      configFile: join(dir, 'tarmac.yaml'),
      cmd: podman,
      args: LISTING,
      env: { CONTAINER_HOST: 'unix:///p.sock' },
    });
    const before = Date.now();
    const started = startReadAhead(['test'], dir, {});
    expect(started?.startedAt).toBeGreaterThanOrEqual(before);
    const result = await started!.result;
    expect(result).toMatchObject({
      ok: true,
      exitCode: 0,
      stdout: `${LISTING.join(' ')} host=unix:///p.sock`,
      stderr: 'warn',
      cancelled: false,
    });
    expect(result.command).toBe(`${podman} ${LISTING.join(' ')}`);
  });

  it('starts nothing without a recipe, or with one kept for another config file', () => {
    const dir = project();
    writeFileSync(join(dir, 'tarmac.yaml'), '');
    expect(startReadAhead(['test'], dir, {})).toBeUndefined();
    writeRecipe(join(dir, '.tarmac'), { configFile: '/elsewhere/tarmac.yaml', cmd: 'podman', args: LISTING, env: {} });
    expect(startReadAhead(['test'], dir, {})).toBeUndefined();
  });
});

describe('spawnRecipe', () => {
  it('stop() ends a read that still runs, and its result says it was cancelled', async () => {
    const dir = project();
    const started = spawnRecipe(
      { configFile: '', cmd: fakePodman(dir), args: LISTING, env: { FAKE_SLEEP: '1' } },
      process.env,
    );
    started.stop();
    const result = await started.result;
    expect(result).toMatchObject({ ok: false, cancelled: true, signal: 'SIGTERM' });
  });

  it('reports a binary that does not exist as a spawn error, not a throw', async () => {
    const dir = project();
    const result = await spawnRecipe({ configFile: '', cmd: join(dir, 'podman'), args: LISTING, env: {} }, {}).result;
    expect(result).toMatchObject({ ok: false, exitCode: undefined, spawnError: `${join(dir, 'podman')} not found` });
  });
});
