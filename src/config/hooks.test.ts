// Deploy-group hooks in tarmac.yaml: normalised (names, absolute cwd, timeouts) and validated with located errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/errors.js';
import { loadEnv, loadEnvWithWarnings } from './load.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tarmac-hooks-'));
  mkdirSync(path.join(root, 'proj', 'k8s'), { recursive: true });
  mkdirSync(path.join(root, 'proj', 'scripts'), { recursive: true });
  mkdirSync(path.join(root, 'elsewhere'), { recursive: true });
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(lines: string[]): string {
  const file = path.join(root, 'proj', 'tarmac.yaml');
  writeFileSync(file, ['name: shop', ...lines, ''].join('\n'));
  return file;
}

async function problems(file: string): Promise<string[]> {
  const err = await loadEnv(file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  return (err as ConfigError).problems.map((p) => `${p.line} ${p.path}: ${p.message} | ${p.hint ?? ''}`);
}

describe('deploy group hooks', () => {
  it('normalises names, working directories and time limits', async () => {
    const env = await loadEnv(
      write([
        'deploy:',
        '  - name: data',
        '    manifests: [k8s]',
        '    hooks:',
        '      before: [{ command: [node, migrate.mjs], timeout: 90s }]',
        '      after:',
        '        - { name: seed, command: [node, seed.mjs], cwd: scripts, env: { COUNT: "3" } }',
        '        - { command: ["true"] }',
      ]),
    );
    const dir = path.join(root, 'proj');
    expect(env.deploy[0]?.hooks).toEqual({
      before: [{ name: 'before-1', command: ['node', 'migrate.mjs'], env: {}, cwd: dir, timeoutMs: 90_000 }],
      after: [
        {
          name: 'seed',
          command: ['node', 'seed.mjs'],
          env: { COUNT: '3' },
          cwd: path.join(dir, 'scripts'),
          timeoutMs: 300_000,
        },
        { name: 'after-2', command: ['true'], env: {}, cwd: dir, timeoutMs: 300_000 },
      ],
    });
  });

  it('leaves a group without hooks as it was, and does not call a hooks-only group empty', async () => {
    const { env, warnings } = await loadEnvWithWarnings(
      write([
        'deploy:',
        '  - { name: data, manifests: [k8s] }',
        '  - { name: fixtures, after: [data], hooks: { after: [{ command: [node, load.mjs] }] } }',
      ]),
    );
    expect(env.deploy[0]).not.toHaveProperty('hooks');
    expect(env.deploy[1]?.hooks?.before).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('locates an empty command, a shell string, a duplicate name, a cwd outside the project and a missing cwd', async () => {
    const found = await problems(
      write([
        'deploy:',
        '  - name: data',
        '    manifests: [k8s]',
        '    hooks:',
        '      before:',
        '        - { name: seed, command: [] }',
        '        - { name: seed, command: "node seed.mjs" }',
        '      after:',
        '        - { command: [node, a.mjs], cwd: ../elsewhere }',
        '        - { command: [node, b.mjs], cwd: nope, timeout: 200h }',
      ]),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^7 deploy\[0\]\.hooks\.before\[0\]\.command: Expected the command as a non-empty argv list/,
      ),
      expect.stringMatching(
        /^8 deploy\[0\]\.hooks\.before\[1\]\.name: Two hooks of this group are named `seed` \| Give each/,
      ),
      expect.stringMatching(/^8 deploy\[0\]\.hooks\.before\[1\]\.command: Expected a list, got `node seed.mjs`/),
      expect.stringMatching(
        /^10 deploy\[0\]\.hooks\.after\[0\]\.cwd: `\.\.\/elsewhere` is outside the project .*\| Use a directory under/,
      ),
      expect.stringMatching(
        /^11 deploy\[0\]\.hooks\.after\[1\]\.cwd: Hook working directory `nope` is not a directory \| Create/,
      ),
      expect.stringMatching(/^11 deploy\[0\]\.hooks\.after\[1\]\.timeout: Expected a duration of at most 7 days/),
    ]);
  });

  it('refuses a default name that another hook of the group has taken', async () => {
    const found = await problems(
      write([
        'deploy:',
        '  - name: data',
        '    manifests: [k8s]',
        '    hooks: { before: [{ name: after-1, command: [a] }], after: [{ command: [b] }] }',
      ]),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^5 deploy\[0\]\.hooks\.after\[0\]: Two hooks of this group are named `after-1` \(the default name of this one\)/,
      ),
    ]);
  });
});
