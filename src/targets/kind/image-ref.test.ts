import { describe, expect, it } from 'vitest';
import { canonicalRef, shortRef } from './image-ref.js';

describe('canonicalRef', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox:latest'],
    ['busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['library/busybox:1', 'docker.io/library/busybox:1'],
    ['kindest/node:v1.34.0', 'docker.io/kindest/node:v1.34.0'],
    ['index.docker.io/a/b:1', 'docker.io/a/b:1'],
    ['localhost/api:tm-0123456789ab', 'localhost/api:tm-0123456789ab'],
    ['localhost/api', 'localhost/api:latest'],
    ['127.0.0.1:5000/api:1', '127.0.0.1:5000/api:1'],
    ['registry.k8s.io/pause:3.10.1', 'registry.k8s.io/pause:3.10.1'],
    ['localhost:5000/api', 'localhost:5000/api:latest'],
    ['api@sha256:abc', 'docker.io/library/api@sha256:abc'],
  ])('%s -> %s', (ref, canonical) => {
    expect(canonicalRef(ref)).toBe(canonical);
  });
});

describe('shortRef', () => {
  it("treats podman's localhost/ and containerd's docker.io/library/ spellings as the same image", () => {
    expect(shortRef('localhost/api:1')).toBe('api:1');
    expect(shortRef('api:1')).toBe('api:1');
    expect(shortRef('docker.io/library/api:1')).toBe('api:1');
    expect(shortRef('quay.io/x/api:1')).toBe('quay.io/x/api:1');
  });
});
