// A registry auth dir (it holds the credentials) left by a process killed mid-push is removed by the next run.
// Real processes: a node process inside withAuthFile is SIGKILLed, then the real CLI runs a build.
import { execa } from 'execa';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, repoRoot, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';
import { removeEnvImages } from '../support/podman-query.js';
import { waitFor } from '../support/wait-for.js';

const env = uniqueEnvName('authsweep');
const tmp = mkdtempSync(join(tmpdir(), 'tarmac-authsweep-'));
const dirs = [tmp];
afterAll(async () => {
  await removeEnvImages(env);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Writes the auth file the way a push does, then waits forever (the push "in progress").
const HOLDER = `
const { withAuthFile } = await import(${JSON.stringify(join(repoRoot, 'dist/registry/credentials.js'))});
// The interval keeps the process alive: a promise alone that never settles lets node exit.
await withAuthFile('127.0.0.1:5000', { username: 'ci', password: 'hunter2-secret' }, () => new Promise(() => { setInterval(() => {}, 60_000); }));
`;

describe('registry auth dirs of killed runs', () => {
  it("are removed by the next run, which says so; a live holder's dir is kept", async () => {
    const spawnHolder = () =>
      execa('node', ['--input-type=module', '-e', HOLDER], { env: { TMPDIR: tmp }, reject: false });
    const authDirs = () => readdirSync(tmp).filter((n) => n.startsWith('tarmac-auth-'));
    const killed = spawnHolder();
    const live = spawnHolder();
    await waitFor('both auth dirs with their file', () => {
      const dirs = authDirs();
      return dirs.length === 2 && dirs.every((d) => existsSync(join(tmp, d, 'config.json'))) ? dirs : undefined;
    });
    killed.kill('SIGKILL');
    await killed;
    const killedDir = `tarmac-auth-${killed.pid}-`;
    expect(authDirs().some((d) => d.startsWith(killedDir))).toBe(true);

    const dir = copyProject(join(repoRoot, 'test/fixtures/projects/learned'), env, (config) => {
      config.images = [{ name: 'quick', context: 'quick' }];
    });
    dirs.push(dir);
    mkdirSync(join(dir, 'quick', 'rootfs', 'bin'), { recursive: true });
    copyFileSync('/bin/busybox', join(dir, 'quick', 'rootfs', 'bin', 'busybox'));
    const result = await runTarmac(['build', '-f', join(dir, 'tarmac.yaml')], { env: { TMPDIR: tmp } });
    live.kill('SIGKILL');
    await live;
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toMatch(
      new RegExp(`removed registry auth dir .*${killedDir}\\w{6} \\(its tarmac, pid ${killed.pid}, is gone\\)`),
    );
    const left = authDirs();
    expect(left.some((d) => d.startsWith(killedDir))).toBe(false);
    expect(left.some((d) => d.startsWith(`tarmac-auth-${live.pid}-`))).toBe(true);
    expect(result.all).not.toContain('hunter2-secret');
  });
});
