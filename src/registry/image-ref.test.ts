import { describe, expect, it } from 'vitest';
import { imageRef } from '../cache/image-key.js';
import { TarmacError } from '../errors/errors.js';
import { apiHost, formatImageRef, manifestReference, parseImageRef } from './image-ref.js';

describe('parseImageRef', () => {
  it.each([
    [
      '127.0.0.1:5000/team/base:tm-0123456789ab',
      { registry: '127.0.0.1:5000', repository: 'team/base', tag: 'tm-0123456789ab' },
    ],
    ['localhost/base:tm-1', { registry: 'localhost', repository: 'base', tag: 'tm-1' }],
    ['localhost:5000/a/b/c', { registry: 'localhost:5000', repository: 'a/b/c' }],
    [
      'registry.example.com/team/svc:v1.2_3',
      { registry: 'registry.example.com', repository: 'team/svc', tag: 'v1.2_3' },
    ],
    ['[::1]:5000/team/svc:tm-1', { registry: '[::1]:5000', repository: 'team/svc', tag: 'tm-1' }],
    ['busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['busybox:1.36', { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' }],
    ['team/app:1', { registry: 'docker.io', repository: 'team/app', tag: '1' }],
    ['docker.io/busybox:1', { registry: 'docker.io', repository: 'library/busybox', tag: '1' }],
    ['http://127.0.0.1:5000/team/base:tm-1', { registry: '127.0.0.1:5000', repository: 'team/base', tag: 'tm-1' }],
    ['my-reg.io:443/a__b/c.d/e-f--g:x', { registry: 'my-reg.io:443', repository: 'a__b/c.d/e-f--g', tag: 'x' }],
  ])('parses %s', (ref, expected) => {
    expect(parseImageRef(ref)).toEqual(expected);
  });

  it('splits a tag and a digest, and asks for the digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const parts = parseImageRef(`127.0.0.1:5000/team/base:tm-1@${digest}`);
    expect(parts).toEqual({ registry: '127.0.0.1:5000', repository: 'team/base', tag: 'tm-1', digest });
    expect(manifestReference(parts)).toBe(digest);
    expect(formatImageRef(parts)).toBe(`127.0.0.1:5000/team/base:tm-1@${digest}`);
  });

  it('asks for the tag, else latest', () => {
    expect(manifestReference(parseImageRef('127.0.0.1:5000/team/base:tm-1'))).toBe('tm-1');
    expect(manifestReference(parseImageRef('127.0.0.1:5000/team/base'))).toBe('latest');
  });

  it('round-trips every ref imageRef makes in registry mode', () => {
    for (const url of ['127.0.0.1:5000/team', 'http://127.0.0.1:5000/team/', 'registry.example.com:8443/a/b']) {
      const ref = imageRef('data-storage', 'tm-0123456789ab', url);
      expect(formatImageRef(parseImageRef(ref))).toBe(ref);
      expect(parseImageRef(ref).tag).toBe('tm-0123456789ab');
    }
  });

  it.each([
    ['', 'empty'],
    ['127.0.0.1:5000/Team/base:tm-1', '"Team" is not a valid repository path component'],
    ['127.0.0.1:5000/team//base', '"" is not a valid repository path component'],
    ['127.0.0.1:5000/team/base:bad tag', 'whitespace'],
    ['127.0.0.1:5000/team/base:-x', '"-x" is not a valid tag'],
    ['127.0.0.1:5000/team/base@sha256:short', 'is not a digest'],
    ['bad_host.example:5000/x:1', '"bad_host.example:5000" is not a registry host'],
    ['127.0.0.1:99999999/x:1', 'is not a registry host'],
  ])('rejects %j (%s)', (ref, why) => {
    let error: unknown;
    try {
      parseImageRef(ref);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TarmacError);
    expect((error as TarmacError).code).toBe('IMAGE_REF_INVALID');
    expect((error as TarmacError).exitCode).toBe(2);
    expect((error as TarmacError).message).toContain(why);
  });

  it('rejects credentials in a ref without repeating them', () => {
    let error: TarmacError | undefined;
    try {
      parseImageRef('https://alice:s3cret@127.0.0.1:5000/team/base:tm-1');
    } catch (e) {
      error = e as TarmacError;
    }
    expect(error?.code).toBe('IMAGE_REF_INVALID');
    expect(error?.message).toContain('credentials');
    expect(error?.message).not.toContain('s3cret');
    expect(error?.message).not.toContain('alice');
    expect(error?.hint).toContain('podman login');
  });
});

describe('apiHost', () => {
  it('sends Docker Hub requests to its API host and everything else where it is', () => {
    expect(apiHost('docker.io')).toBe('registry-1.docker.io');
    expect(apiHost('127.0.0.1:5000')).toBe('127.0.0.1:5000');
  });
});
