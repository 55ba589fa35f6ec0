import { describe, expect, it } from 'vitest';
import { makeRedactor, redactDeep } from './redactor.js';
import { looksSecret } from './env-secrets.js';

describe('makeRedactor', () => {
  it('masks known values, longest first, and the generic patterns', () => {
    const r = makeRedactor(['hunter2-pass', 'hunter2-pass-long', 'ab']);
    expect(r('login with hunter2-pass-long then hunter2-pass')).toBe('login with *** then ***');
    expect(r('ab stays: too short to mask alone')).toBe('ab stays: too short to mask alone');
    expect(r('token ghp_abcdefghijklmnopqrstuvwxyz0123 leaked')).toBe('token *** leaked');
    expect(r('curl -H "Authorization: Bearer abc.def"')).toBe('curl -H "Authorization: Bearer ***"');
  });

  it('redacts every string of a nested value', () => {
    const r = makeRedactor(['s3cr3t-value']);
    expect(redactDeep({ a: ['x s3cr3t-value'], b: { c: 's3cr3t-value' }, n: 3 }, r)).toEqual({
      a: ['x ***'],
      b: { c: '***' },
      n: 3,
    });
  });

  it('recognises secret-looking names', () => {
    expect(['REGISTRY_PASSWORD', 'GITHUB_TOKEN', 'api_key', 'AWS_SECRET_ACCESS_KEY'].every(looksSecret)).toBe(true);
    expect(['WORK', 'PORT', 'NAME'].some(looksSecret)).toBe(false);
  });
});
