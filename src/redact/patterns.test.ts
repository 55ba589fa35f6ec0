import { describe, expect, it } from 'vitest';
import { redactSecrets } from './patterns.js';

describe('redactSecrets', () => {
  it.each([
    ['https://alice:s3cret@registry.example.com/v2/', 'https://***@registry.example.com/v2/'],
    ['http://ghp_TOKEN123@host:5000/x', 'http://***@host:5000/x'],
    ['pushing to alice:s3cret@127.0.0.1:5000/team/base:tm-1', 'pushing to ***@127.0.0.1:5000/team/base:tm-1'],
    ['alice:s3cret@127.0.0.1:5000/team', '***@127.0.0.1:5000/team'],
    ['Authorization: Bearer eyJhbGciOi.J9.xyz', 'Authorization: Bearer ***'],
    ['Authorization: Basic YWxpY2U6czNjcmV0', 'Authorization: Basic ***'],
    ['Authorization: Basic YWxpY2U6czNjcmV0Cg==', 'Authorization: Basic ***'],
    ['GET /token?scope=repo&access_token=abc.def&x=1', 'GET /token?scope=repo&access_token=***&x=1'],
    ['password=hunter2 user=alice', 'password=*** user=alice'],
    ['{"auth": "YWxpY2U6czNjcmV0", "token":"abc"}', '{"auth": "***", "token":"***"}'],
  ])('redacts %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it.each([
    '127.0.0.1:5000/team/base:tm-0123456789ab',
    `localhost:5000/team/base@sha256:${'b'.repeat(64)}`,
    `registry.example.com/team/base:tm-1@sha256:${'c'.repeat(64)}`,
    'The registry at http://127.0.0.1:5000 did not answer within 10000 ms',
    'Bearer realm="http://127.0.0.1:5000/token",service="registry"',
  ])('leaves text without secrets alone: %s', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});
