// Acceptance for the disk guard, for real: a 30 MiB tmpfs holds both the podman image store and the
// temp dir, so free space is far below the expected need; the prune policy runs against a real store.
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDiskSpace } from '../../src/disk/disk-check.js';
import { diskGuard } from '../../src/disk/guard.js';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { runCommand } from '../../src/exec/run-command.js';
import { copyProject, repoRoot, runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const root = mkdtempSync(join(tmpdir(), 'tarmac-disk-'));
const mnt = join(root, 'mnt');
const conf = join(root, 'storage.conf');
const storeEnv = { CONTAINERS_STORAGE_CONF: conf };
const podman = (args: string[]) => execa('podman', args, { env: storeEnv, all: true });

beforeAll(async () => {
  mkdirSync(mnt);
  await execa('mount', ['-t', 'tmpfs', '-o', 'size=30m', 'tmpfs', mnt]);
  mkdirSync(join(mnt, 'tmp'));
  // vfs: a store on tmpfs with no overlay mounts to undo; graphroot on the small disk, runroot beside it.
  writeFileSync(
    conf,
    ['[storage]', 'driver = "vfs"', `graphroot = "${join(mnt, 'graph')}"`, `runroot = "${join(root, 'run')}"`, ''].join(
      '\n',
    ),
  );
});

afterAll(async () => {
  // The store lives inside the mount: unmounting deletes every image this file created.
  await execa('umount', [mnt], { reject: false });
  rmSync(root, { recursive: true, force: true });
});

describe('disk guard on a 30 MiB tmpfs', () => {
  it('tarmac build warns that engine storage and temp are low, with the need and what to do', async () => {
    const env = uniqueEnvName('disk');
    const dir = copyProject(join(repoRoot, 'test/fixtures/projects/failing'), env);
    const result = await runTarmac(['build', '-f', join(dir, 'tarmac.yaml')], {
      env: { ...storeEnv, TMPDIR: join(mnt, 'tmp') },
    });
    rmSync(dir, { recursive: true, force: true });
    const free = String.raw`\d+\.\d MiB free, expected need 2\.0 GiB \(disk\.minFree 2\.0 GiB; no image sizes known yet\)`;
    expect(result.stdout).toMatch(new RegExp(`disk: low free space at engine storage ${mnt}/graph: ${free}`));
    expect(result.stdout).toMatch(new RegExp(`disk: low free space at temp ${mnt}/tmp: ${free}`));
    expect(result.stdout).toContain('disk: tarmac holds no dangling or superseded images to prune');
    // The warning never stops the run: the project's own failure (image `broken`) is what ends it.
    expect(result.stdout).toMatch(/✓ build:good built/);
    expect(result.exitCode).toBe(4);
  });

  it('the prune policy removes only tarmac-labelled dangling images older than the limit', async () => {
    const env = uniqueEnvName('prune');
    const ctx = join(root, 'ctx');
    mkdirSync(ctx, { recursive: true });
    writeFileSync(join(ctx, 'Containerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
    writeFileSync(join(ctx, 'hello.txt'), 'hello\n');
    const OLD = ['--timestamp', '1600000000']; // 2020-09-13: older than any "7d"
    const build = async (tag: string, labels: string[], extra: string[]): Promise<string> => {
      await podman([
        'build',
        '-q',
        '--layers=false',
        ...extra,
        ...labels.flatMap((l) => ['--label', l]),
        '-t',
        tag,
        ctx,
      ]);
      return (await podman(['image', 'inspect', '--format', '{{.Id}}', tag])).stdout.trim();
    };
    const tarmac = (what: string) => ['io.tarmac.managed=true', `io.tarmac.env=${env}`, `io.tarmac.image=${what}`];
    const oldDangling = await build(`localhost/${env}-a:x`, tarmac('a'), OLD);
    const newDangling = await build(`localhost/${env}-b:x`, tarmac('b'), []);
    const foreignOld = await build(`localhost/${env}-c:x`, [`not.tarmac=${env}`], OLD);
    const taggedOld = await build(`localhost/${env}-d:x`, tarmac('d'), OLD);
    for (const tag of ['a', 'b', 'c']) await podman(['untag', `localhost/${env}-${tag}:x`]);

    const engine = createPodmanEngine(runCommand, {
      env: { ...storeEnv, ...(process.env.CONTAINERS_CONF ? { CONTAINERS_CONF: process.env.CONTAINERS_CONF } : {}) },
    });
    const result = await diskGuard({
      envName: env,
      imageNames: ['a', 'b', 'd'],
      disk: { minFreeBytes: 2 * 1024 ** 3, pruneDanglingOlderThanMs: 7 * 86_400_000 },
      engine,
      processEnv: { TMPDIR: join(mnt, 'tmp') },
    });

    expect(result.pruned).toEqual([oldDangling]);
    const left = (await podman(['images', '-q', '--no-trunc'])).stdout
      .split('\n')
      .map((l) => l.replace(/^sha256:/, ''));
    expect(left).toEqual(expect.arrayContaining([newDangling, foreignOld, taggedOld]));
    expect(left).not.toContain(oldDangling);
    expect(result.notes.join('\n')).toMatch(
      new RegExp(
        `disk: pruned 1 dangling tarmac image\\(s\\) older than the disk.prune policy \\(.*\\): ${oldDangling.slice(0, 12)}`,
      ),
    );
    // Still low: the warning names the remaining tarmac dangling image, never the foreign one.
    const text = result.lines.join('\n');
    expect(text).toMatch(new RegExp(`disk: low free space at engine storage ${mnt}/graph`));
    expect(text).toContain(`${newDangling.slice(0, 12)}`);
    expect(text).toMatch(new RegExp(`disk: remove them: podman image rm ${newDangling.slice(0, 12)}`));
    expect(text).not.toContain(foreignOld.slice(0, 12));
  });
});

describe('checkDiskSpace (for a doctor row)', () => {
  it('says LOW for the tmpfs temp dir and ok for a roomy one', async () => {
    const engine = createPodmanEngine(runCommand, {
      env: { ...storeEnv, ...(process.env.CONTAINERS_CONF ? { CONTAINERS_CONF: process.env.CONTAINERS_CONF } : {}) },
    });
    const low = await checkDiskSpace(engine, { TMPDIR: join(mnt, 'tmp') });
    expect(low.ok).toBe(false);
    expect(low.line).toMatch(
      new RegExp(
        `^engine storage ${mnt}/graph \\d+\\.\\d MiB free \\(LOW\\), temp ${mnt}/tmp \\d+\\.\\d MiB free \\(LOW\\) \\(want 2\\.0 GiB\\)$`,
      ),
    );
    const fine = await checkDiskSpace(engine, { TMPDIR: join(mnt, 'tmp') }, 1024);
    expect(fine.ok).toBe(true);
  });
});
