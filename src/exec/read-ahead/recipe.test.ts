// The read-ahead recipe: only an engine's listing is ever kept or read back, privately, and only when it changed.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../files/temp-dir.test-kit.js';
import { isEngineListing, READ_AHEAD_FILE, readRecipe, sameCall, writeRecipe, type ReadAheadRecipe } from './recipe.js';

const stateDir = tempDirs('tarmac-recipe');

const LISTING = ['ps', '-a', '--filter', 'label=io.tarmac.env=shop', '--format', 'json'];
const recipe = (over: Partial<ReadAheadRecipe> = {}): ReadAheadRecipe => ({
  configFile: '/p/tarmac.yaml',
  cmd: 'podman',
  args: LISTING,
  env: {},
  ...over,
});

describe('isEngineListing', () => {
  it("accepts an engine's label listing, after its connection flags", () => {
    expect(isEngineListing(recipe())).toBe(true);
    expect(isEngineListing(recipe({ cmd: '/usr/local/bin/docker', args: ['-H', 'unix:///d.sock', ...LISTING] }))).toBe(
      true,
    );
    expect(isEngineListing(recipe({ args: ['--url', 'unix:///p.sock', '--connection', 'm', ...LISTING] }))).toBe(true);
  });

  it('refuses any other binary, verb or option: the file is run before anything is validated', () => {
    expect(isEngineListing(recipe({ cmd: 'sh' }))).toBe(false);
    expect(isEngineListing(recipe({ cmd: '/tmp/podman-evil' }))).toBe(false);
    expect(isEngineListing(recipe({ args: ['run', 'ps', '-a'] }))).toBe(false);
    expect(isEngineListing(recipe({ args: ['--remote', 'run', 'ps'] }))).toBe(false);
    expect(isEngineListing(recipe({ args: ['ps', '-a', '--filter', 'label=x', '--format', '{{.ID}}'] }))).toBe(false);
    expect(isEngineListing(recipe({ args: ['--url'] }))).toBe(false);
    expect(isEngineListing(recipe({ args: [] }))).toBe(false);
  });
});

describe('readRecipe and writeRecipe', () => {
  it('round-trips a recipe in a private file, and leaves the file alone when nothing changed', () => {
    const dir = stateDir();
    writeRecipe(dir, recipe({ env: { CONTAINER_HOST: 'unix:///p.sock' } }));
    const file = join(dir, READ_AHEAD_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readRecipe(dir)).toEqual(recipe({ env: { CONTAINER_HOST: 'unix:///p.sock' } }));
    const before = statSync(file);
    writeRecipe(dir, recipe({ env: { CONTAINER_HOST: 'unix:///p.sock' } }));
    expect(statSync(file).ino).toBe(before.ino);
    writeRecipe(dir, recipe());
    expect(readRecipe(dir)).toEqual(recipe());
  });

  it('never writes what is not an engine listing', () => {
    const dir = stateDir();
    writeRecipe(dir, recipe({ args: ['rm', '-f', 'x'] }));
    expect(readRecipe(dir)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{'],
    ['not an object', '[1]'],
    ['args that are not strings', JSON.stringify({ ...recipe(), args: ['ps', 1] })],
    ['env values that are not strings', JSON.stringify({ ...recipe(), env: { A: 1 } })],
    ['no configFile', JSON.stringify({ cmd: 'podman', args: LISTING, env: {} })],
    ['another command', JSON.stringify(recipe({ cmd: 'rm', args: ['-rf', '/'] }))],
  ])('reads a file with %s as no recipe', (_name, text) => {
    const dir = stateDir();
    writeFileSync(join(dir, READ_AHEAD_FILE), text);
    expect(readRecipe(dir)).toBeUndefined();
  });

  it('reads no recipe where there is no file', () => {
    expect(readRecipe(stateDir())).toBeUndefined();
  });
});

describe('sameCall', () => {
  it('matches the command, every argument and exactly the environment added (unset entries ignored)', () => {
    const r = recipe({ env: { A: '1' } });
    expect(sameCall(r, 'podman', LISTING, { A: '1', B: undefined })).toBe(true);
    expect(sameCall(r, 'podman', LISTING, { A: '2' })).toBe(false);
    expect(sameCall(r, 'podman', LISTING, { A: '1', B: '2' })).toBe(false);
    expect(sameCall(r, 'podman', LISTING, undefined)).toBe(false);
    expect(sameCall(r, 'docker', LISTING, { A: '1' })).toBe(false);
    expect(sameCall(r, 'podman', LISTING.slice(0, -1), { A: '1' })).toBe(false);
    expect(sameCall(recipe(), 'podman', LISTING, undefined)).toBe(true);
  });
});
