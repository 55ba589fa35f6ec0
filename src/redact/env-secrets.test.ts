import { describe, expect, it } from 'vitest';
import { isMaskableValue, looksSecret, secretValues } from './env-secrets.js';

describe('looksSecret: a name is secret when its last word is a credential word', () => {
  it.each([
    'STRIPE_KEY',
    'POSTGRES_PASSWORD',
    'DB_PASSWORD',
    'REDIS_PASS',
    'AWS_SECRET_ACCESS_KEY',
    'GITHUB_TOKEN',
    'NPM_AUTH',
    'clientSecret',
    'apiKey',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'DBPASSWORD',
  ])('%s is secret', (name) => expect(looksSecret(name)).toBe(true));

  it.each([
    'GIT_AUTH_ENABLED',
    'TOKEN_URL',
    'SSH_AUTH_SOCK',
    'PASSWORD_MIN_LENGTH',
    'PWD',
    'AWS_ACCESS_KEY_ID',
    'PORT',
  ])('%s is not', (name) => expect(looksSecret(name)).toBe(false));
});

describe('secret values', () => {
  it('masks short values and values with slashes, but not flags or values under 4 characters', () => {
    expect(['hunter2', 'wJal/K7MDENG/bPx', 'abcd'].every(isMaskableValue)).toBe(true);
    expect(['true', 'OFF', 'abc', '', undefined].some(isMaskableValue)).toBe(false);
  });

  it('takes secret-named process env, test env and build args, and the registry password whatever its shape', () => {
    const env = {
      registry: { password: 'pw' },
      test: { env: { DB_PASSWORD: 'hunter2', LOG_LEVEL: 'debug' } },
      images: [{ args: { NPM_TOKEN: 'npm/tok', VERSION: '1.2.3' } }],
    } as never;
    const values = secretValues(env, { STRIPE_KEY: 'rk/x9', GIT_AUTH_ENABLED: 'true', HOME: '/root' });
    expect(values.sort()).toEqual(['hunter2', 'npm/tok', 'pw', 'rk/x9']);
  });
});
