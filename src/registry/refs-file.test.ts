import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejection } from '../engines/engine.test-kit.js';
import { parseRefsDocument, readRefsFile, refsForImages, writeRefsFile } from './refs-file.js';
import { assertPullable } from './pull-only.js';

const doc = {
  images: { base: '127.0.0.1:5000/t/base:tm-aaaaaaaaaaaa', api: '127.0.0.1:5000/t/api:tm-bbbbbbbbbbbb' },
  env: 'shop',
  runId: 'r1',
  registry: '127.0.0.1:5000/t',
};

describe('refs file', () => {
  it('round-trips through write and read', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tarmac-refs-')), 'sub', 'refs.json');
    await writeRefsFile(path, doc);
    expect(await readRefsFile(path)).toEqual(doc);
  });

  it('says where a missing file comes from (exit 2)', async () => {
    const error = await rejection(readRefsFile('/nonexistent/refs.json'));
    expect(error).toMatchObject({ code: 'REFS_FILE_MISSING', exitCode: 2 });
    expect(error.message).toContain('ENOENT');
    expect(error.hint).toContain('tarmac build --push --refs FILE');
  });

  it.each([
    ['not json', 'not JSON'],
    ['[]', 'expected an object with `images'],
    ['{"images": {"api": 3}}', 'images.api is not a string'],
    ['{"images": {"api": "Bad Ref"}}', 'images.api:'],
  ])('refuses %s', (text, why) => {
    expect(() => parseRefsDocument(text, 'refs.json')).toThrow(why);
  });

  it("gives the env's images their refs and names every image the file lacks", () => {
    expect(refsForImages(doc, ['api'], 'refs.json')).toEqual(new Map([['api', doc.images.api]]));
    expect(() => refsForImages(doc, ['api', 'web', 'db'], 'refs.json')).toThrow(
      'the refs file refs.json names no reference for web, db',
    );
  });

  it('reads a file written by hand too', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tarmac-refs-')), 'refs.json');
    writeFileSync(path, JSON.stringify({ images: { api: doc.images.api } }));
    expect((await readRefsFile(path)).images).toEqual({ api: doc.images.api });
  });
});

describe('assertPullable', () => {
  const refs = new Map(Object.entries(doc.images));

  it('passes when every needed image is local or in the registry; unneeded ones do not matter', () => {
    expect(() =>
      assertPullable({
        needed: ['api'],
        refs,
        presence: new Map([
          ['api', { local: false, registry: true }],
          ['base', { local: false, registry: false }],
        ]),
      }),
    ).not.toThrow();
    expect(() =>
      assertPullable({ needed: ['api'], refs, presence: new Map([['api', { local: true }]]) }),
    ).not.toThrow();
  });

  it('names the missing tag and the build job that should have pushed it', () => {
    let error: unknown;
    try {
      assertPullable({
        needed: ['api', 'base'],
        refs,
        presence: new Map([
          ['api', { local: false, registry: false }],
          ['base', { local: false, registry: true }],
        ]),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'IMAGE_NOT_IN_REGISTRY',
      exitCode: 3,
      details: [`api: ${doc.images.api} is not in the registry`],
    });
    expect((error as { hint: string }).hint).toContain('Run `tarmac build --push` in the build job');
  });

  it('with a refs file, says the tags came from it', () => {
    expect(() => assertPullable({ needed: ['api'], refs, presence: new Map(), refsFile: 'refs.json' })).toThrow(
      'tags named in refs.json',
    );
  });
});
