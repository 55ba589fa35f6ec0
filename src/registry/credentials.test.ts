import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDockerEngine } from '../engines/docker.js';
import { fakeRunner } from '../exec/fake-runner.test-kit.js';
import { fakeWorld } from './registry.test-kit.js';
import { authFileContent, registryCredentials, withAuthFile } from './credentials.js';
import { ensureLocalImage, pushImage } from './transfer.js';

const creds = { username: 'ci', password: 'pa55-word!' };
const ref = '127.0.0.1:5000/team/api:tm-0123456789ab';

describe('registryCredentials', () => {
  it("is undefined when nothing is configured (the engine's own login applies)", () => {
    expect(registryCredentials({}, {})).toBeUndefined();
  });

  it('takes the config, and lets TARMAC_REGISTRY_USERNAME / TARMAC_REGISTRY_PASSWORD override it', () => {
    expect(registryCredentials({ username: 'a', password: 'b' }, {})).toEqual({ username: 'a', password: 'b' });
    expect(registryCredentials({ username: 'a' }, { TARMAC_REGISTRY_PASSWORD: 'from-env' })).toEqual({
      username: 'a',
      password: 'from-env',
    });
    expect(
      registryCredentials(
        { username: 'a', password: 'b' },
        { TARMAC_REGISTRY_USERNAME: 'bot', TARMAC_REGISTRY_PASSWORD: 'tok' },
      ),
    ).toEqual({ username: 'bot', password: 'tok' });
  });

  it('refuses half a credential (exit 2), saying which half is missing and never showing the other', () => {
    expect(() => registryCredentials({ username: 'a' }, {})).toThrow(/a password \(TARMAC_REGISTRY_PASSWORD/);
    let error: unknown;
    try {
      registryCredentials({}, { TARMAC_REGISTRY_PASSWORD: 'secret-value' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'REGISTRY_CREDENTIALS_INCOMPLETE', exitCode: 2 });
    expect((error as Error).message).toContain('a user (registry.username');
    expect((error as Error).message).not.toContain('secret-value');
  });
});

describe('withAuthFile', () => {
  it('writes an auth.json-shaped file readable only by its owner, and removes it afterwards', async () => {
    let seen = '';
    const path = await withAuthFile('127.0.0.1:5000', creds, async (file) => {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
      seen = readFileSync(file, 'utf8');
      return file;
    });
    expect(JSON.parse(seen)).toEqual({
      auths: { '127.0.0.1:5000': { auth: Buffer.from('ci:pa55-word!').toString('base64') } },
    });
    expect(existsSync(path)).toBe(false);
  });

  it('removes the file when the use throws', async () => {
    let kept = '';
    await expect(
      withAuthFile('h', creds, (file) => {
        kept = file;
        return Promise.reject(new Error('push failed'));
      }),
    ).rejects.toThrow('push failed');
    expect(existsSync(kept)).toBe(false);
  });
});

describe('transfers with credentials', () => {
  it("podman push and pull get --authfile (never the password in argv), holding the registry host's entry", async () => {
    const world = fakeWorld({ local: [ref] });
    const contents: string[] = [];
    const inner = world.engine.push.bind(world.engine);
    world.engine.push = async (r, o) => {
      contents.push(readFileSync(o.authFile ?? '', 'utf8'));
      return inner(r, o);
    };
    await pushImage(world.engine, ref, { insecure: true, credentials: creds, hasTag: world.hasTag });
    world.local.clear();
    await ensureLocalImage(world.engine, ref, { insecure: true, credentials: creds });
    const transfers = world.runner.calls.filter((c) => c.args[0] === 'push' || c.args[0] === 'pull');
    expect(transfers.map((c) => c.args.slice(0, 3))).toEqual([
      ['push', '--tls-verify=false', '--authfile'],
      ['pull', '--tls-verify=false', '--authfile'],
    ]);
    for (const call of transfers) expect(call.args.join(' ')).not.toContain('pa55-word');
    expect(contents[0]).toBe(authFileContent('127.0.0.1:5000', creds));
    expect(existsSync(transfers[0]?.args[3] ?? '')).toBe(false);
  });

  it('docker reads the same file through DOCKER_CONFIG (docker push has no --authfile)', async () => {
    const runner = fakeRunner(() => ({ stdout: '' }));
    await createDockerEngine(runner).push(ref, { insecure: false, authFile: '/tmp/tarmac-auth-x/config.json' });
    expect(runner.calls[0]?.args).toEqual(['push', ref]);
    expect(runner.calls[0]?.options.env?.DOCKER_CONFIG).toBe('/tmp/tarmac-auth-x');
  });
});
