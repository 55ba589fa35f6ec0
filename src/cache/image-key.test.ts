import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageSpec } from '../config/types.js';
import { CACHE_FORMAT_VERSION, computeImageTags, imageRef } from './image-key.js';
import { digestContext } from './context-digest.js';
import { makeTree, type TreeNode } from './make-tree.test-kit.js';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'tarmac-key-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

// A project with a base image, an app built FROM it, and an unrelated sibling.
async function project(dir: string): Promise<ImageSpec[]> {
  await makeTree(dir, PROJECT);
  return specsAt(dir);
}

const PROJECT: Record<string, TreeNode> = {
  'base/Containerfile': 'FROM alpine\n',
  'base/setup.sh': { content: '#!/bin/sh\n', mode: 0o755 },
  'app/Containerfile': 'FROM base\nCOPY . /app\n',
  'app/.containerignore': 'Containerfile\n',
  'app/main.js': 'console.log(1)\n',
  'tool/Dockerfile': 'FROM alpine\n',
  'tool/tool.py': 'print(1)\n',
};

function specsAt(dir: string): ImageSpec[] {
  const spec = (name: string, file: string, extra: Partial<ImageSpec> = {}): ImageSpec => ({
    name,
    contextDir: path.join(dir, name),
    containerfile: path.join(dir, name, file),
    args: {},
    weight: 1,
    dependsOn: [],
    ...extra,
  });
  return [
    spec('app', 'Containerfile', { dependsOn: ['base'] }),
    spec('base', 'Containerfile'),
    spec('tool', 'Dockerfile'),
  ];
}

// The in-thread hasher keeps these tests fast; hash-context.test.ts covers the worker itself.
const inThread = { hashContext: async (dir: string) => digestContext(dir) };

const tagsOf = async (images: ImageSpec[]) => {
  const keys = await computeImageTags(images, inThread);
  return Object.fromEntries([...keys].map(([name, key]) => [name, key.tag]));
};

describe('computeImageTags', () => {
  it('returns tm-<12 hex> tags, refs and context stats for every image', async () => {
    const keys = await computeImageTags(await project(path.join(base, 'p')), {});
    expect([...keys.keys()].sort()).toEqual(['app', 'base', 'tool']);
    const app = keys.get('app')!;
    expect(app.tag).toMatch(/^tm-[0-9a-f]{12}$/);
    expect(app.tag).toBe(`tm-${app.digest.slice(0, 12)}`);
    expect(app.ref).toBe(`app:${app.tag}`);
    // The .containerignore excludes the Containerfile from the context (it is keyed by content).
    expect(app).toMatchObject({ name: 'app', files: 2, bytes: 'Containerfile\n'.length + 'console.log(1)\n'.length });
    expect(CACHE_FORMAT_VERSION).toBeGreaterThan(0);
    // The default hasher (worker threads) agrees with the in-thread one the other tests use.
    expect(Object.fromEntries([...keys].map(([name, key]) => [name, key.tag]))).toEqual(
      await tagsOf(await project(path.join(base, 'q'))),
    );
  });

  it('hashes a context shared by several images once, and still keys each image apart', async () => {
    const specs = await project(path.join(base, 'p'));
    const tool = specs.find((s) => s.name === 'tool')!;
    const twin = { ...tool, name: 'tool-debug', containerfile: path.join(tool.contextDir, 'Debug.Dockerfile') };
    await writeFile(twin.containerfile, 'FROM alpine\nRUN apk add gdb\n');
    const hashed: string[] = [];
    const counting = {
      hashContext: async (dir: string) => {
        hashed.push(dir);
        return digestContext(dir);
      },
    };
    const keys = await computeImageTags([...specs, twin], counting);
    expect(hashed.sort()).toEqual([...new Set(specs.map((s) => s.contextDir))].sort());
    expect(keys.get('tool-debug')!.tag).not.toBe(keys.get('tool')!.tag);
  });

  it('keeps every key when the project folder is moved and renamed, or copied elsewhere', async () => {
    const before = await tagsOf(await project(path.join(base, 'p')));
    await rename(path.join(base, 'p'), path.join(base, 'moved-and-renamed'));
    expect(await tagsOf(specsAt(path.join(base, 'moved-and-renamed')))).toEqual(before);
    expect(await tagsOf(await project(path.join(base, 'deeper/copy')))).toEqual(before);
  });

  it.each([
    [
      'a file of its context changes',
      (d: string, s: ImageSpec[]) => writeFile(path.join(d, 'base/setup.sh'), 'changed').then(() => s),
    ],
    [
      'a file is added to its context',
      (d: string, s: ImageSpec[]) => writeFile(path.join(d, 'base/new.txt'), '').then(() => s),
    ],
    [
      'its Containerfile changes',
      (d: string, s: ImageSpec[]) => writeFile(path.join(d, 'base/Containerfile'), 'FROM debian\n').then(() => s),
    ],
    [
      'a build arg changes',
      async (_d: string, s: ImageSpec[]) => s.map((i) => (i.name === 'base' ? { ...i, args: { V: '2' } } : i)),
    ],
    [
      'the target changes',
      async (_d: string, s: ImageSpec[]) => s.map((i) => (i.name === 'base' ? { ...i, target: 'dev' } : i)),
    ],
  ])('changes the key of an image and its dependant, not a sibling, when %s', async (_what, change) => {
    const dir = path.join(base, 'p');
    const specs = await project(dir);
    const before = await tagsOf(specs);
    const after = await tagsOf(await change(dir, specs));
    expect(after.base).not.toBe(before.base);
    expect(after.app).not.toBe(before.app);
    expect(after.tool).toBe(before.tool);
  });

  it('changes only the image itself when a leaf changes', async () => {
    const dir = path.join(base, 'p');
    const specs = await project(dir);
    const before = await tagsOf(specs);
    await writeFile(path.join(dir, 'app/main.js'), 'console.log(2)\n');
    const after = await tagsOf(specs);
    expect(after.app).not.toBe(before.app);
    expect(after.base).toBe(before.base);
    expect(after.tool).toBe(before.tool);
  });

  it('puts an ignored Containerfile in the key by content, and ignores the Containerfile path', async () => {
    const dir = path.join(base, 'p');
    const specs = await project(dir);
    const before = await tagsOf(specs);
    await writeFile(path.join(dir, 'app/Containerfile'), 'FROM base\nCOPY . /srv\n');
    expect((await tagsOf(specs)).app).not.toBe(before.app);
    await writeFile(path.join(dir, 'app/Containerfile'), 'FROM base\nCOPY . /app\n');
    await writeFile(path.join(base, 'Other.containerfile'), 'FROM base\nCOPY . /app\n');
    const moved = specs.map((s) =>
      s.name === 'app' ? { ...s, containerfile: path.join(base, 'Other.containerfile') } : s,
    );
    expect(await tagsOf(moved)).toEqual(before);
  });

  it('does not depend on the order of build args', async () => {
    const specs = await project(path.join(base, 'p'));
    const withArgs = (args: Record<string, string>) => specs.map((s) => (s.name === 'tool' ? { ...s, args } : s));
    const a = await tagsOf(withArgs({ A: '1', B: '2' }));
    const b = await tagsOf(withArgs({ B: '2', A: '1' }));
    const c = await tagsOf(withArgs({ A: '2', B: '1' }));
    expect(b.tool).toBe(a.tool);
    expect(c.tool).not.toBe(a.tool);
  });

  it('rejects an unknown base and a missing Containerfile with usage errors', async () => {
    const specs = await project(path.join(base, 'p'));
    const unknown = specs.map((s) => (s.name === 'tool' ? { ...s, dependsOn: ['nope'] } : s));
    await expect(computeImageTags(unknown, inThread)).rejects.toMatchObject({ code: 'IMAGE_UNKNOWN', exitCode: 2 });
    const missing = specs.map((s) => (s.name === 'tool' ? { ...s, containerfile: path.join(base, 'none') } : s));
    await expect(computeImageTags(missing, inThread)).rejects.toMatchObject({
      code: 'CONTAINERFILE_UNREADABLE',
      exitCode: 2,
    });
  });

  it('stops with a CancelledError when the signal is aborted', async () => {
    const specs = await project(path.join(base, 'p'));
    await expect(computeImageTags(specs, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('imageRef', () => {
  it('qualifies local refs with localhost/ and registry refs with the registry host', () => {
    expect(imageRef('api', 'tm-0123456789ab')).toBe('localhost/api:tm-0123456789ab');
    expect(imageRef('api', 'tm-0123456789ab', 'localhost:5001')).toBe('localhost:5001/api:tm-0123456789ab');
    expect(imageRef('api', 'tm-0123456789ab', 'http://reg.example:5000/team/')).toBe(
      'reg.example:5000/team/api:tm-0123456789ab',
    );
  });
});
