import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archivePath, isArchiveOf, kubeconfigPath } from './paths.js';

describe('kind target paths', () => {
  it('keeps the kubeconfig under the state dir', () => {
    expect(kubeconfigPath('/p/.tarmac', 'e2e')).toBe('/p/.tarmac/kube/e2e.kubeconfig');
  });

  it("names delivery archives so down can find a cluster's leftovers, and only that cluster's", () => {
    const file = basename(archivePath('20261128-174501-3f9a', 'e2e', '/tmp'));
    expect(file).toMatch(/^tarmac-20261128-174501-3f9a-kind-e2e-[0-9a-f]{8}\.tar$/);
    expect(isArchiveOf(file, 'e2e')).toBe(true);
    expect(isArchiveOf(file, 'e2')).toBe(false);
    expect(isArchiveOf(file.replace('.tar', '.tar.part'), 'e2e')).toBe(false);
    expect(isArchiveOf('tarmac-r-kind-e.e-0123abcd.tar', 'e.e')).toBe(true);
    expect(isArchiveOf('tarmac-r-kind-exe-0123abcd.tar', 'e.e')).toBe(false);
  });

  it('refuses a cluster name that would leave the state dir or the temp dir', () => {
    expect(() => kubeconfigPath('/p/.tarmac', '../../..')).toThrow(/not safe in a file name/);
    expect(() => archivePath('r', 'a/../../b', '/tmp')).toThrow(/not safe in a file name/);
  });
});
