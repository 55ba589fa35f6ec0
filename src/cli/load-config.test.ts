import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/errors.js';
import { loadCommandConfig } from './load-config.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tarmac-cli-config-'));
  mkdirSync(path.join(root, 'proj/app'), { recursive: true });
  writeFileSync(path.join(root, 'proj/app/Containerfile'), 'FROM docker.io/library/alpine:3.20\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const config = (file: string, text = 'name: shop\nimages:\n  - { name: app, context: app }\n') =>
  writeFileSync(path.join(root, file), text);

describe('loadCommandConfig', () => {
  it('loads -f relative to the working directory, else tarmac.yaml or tarmac.yml found there', async () => {
    config('proj/other.yaml');
    expect((await loadCommandConfig({ file: 'proj/other.yaml' }, root)).env.file).toBe(
      path.join(root, 'proj/other.yaml'),
    );
    config('proj/tarmac.yml');
    expect((await loadCommandConfig({}, path.join(root, 'proj'))).env.name).toBe('shop');
  });

  it('throws CONFIG_NOT_FOUND without a config, unless asked for one only if present', async () => {
    await expect(loadCommandConfig({}, root)).rejects.toMatchObject({ code: 'CONFIG_NOT_FOUND', exitCode: 2 });
    expect(await loadCommandConfig({}, root, 'if-present')).toBeUndefined();
    await expect(loadCommandConfig({ file: 'nope.yaml' }, root, 'if-present')).rejects.toMatchObject({
      code: 'CONFIG_NOT_FOUND',
    });
  });

  it('reports every problem of a broken config as one ConfigError, and returns the warnings of a valid one', async () => {
    config('proj/tarmac.yaml', 'name: shop\nimages:\n  - { name: app, context: missing }\nbogus: 1\n');
    const error = await loadCommandConfig({}, path.join(root, 'proj'), 'if-present').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.length).toBeGreaterThanOrEqual(2);
    config('proj/tarmac.yaml');
    expect((await loadCommandConfig({}, path.join(root, 'proj'))).warnings).toEqual([]);
  });
});
