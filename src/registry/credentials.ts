// Registry credentials: from registry.username/password in tarmac.yaml, or TARMAC_REGISTRY_USERNAME /
// TARMAC_REGISTRY_PASSWORD, and the short-lived auth file that hands them to podman or docker.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode, TarmacError } from '../errors/errors.js';

/** A user and a password (or token) for one registry. */
export interface RegistryCredentials {
  username: string;
  password: string;
}

/**
 * The credentials of registry mode, or undefined when none are configured (the engine's own login
 * then applies). The password comes from the config or TARMAC_REGISTRY_PASSWORD (the environment wins:
 * CI secrets override a checked-in value), the user likewise from TARMAC_REGISTRY_USERNAME.
 * Throws REGISTRY_CREDENTIALS_INCOMPLETE (exit 2) when only one of the two is set.
 */
export function registryCredentials(
  registry: { username?: string | undefined; password?: string | undefined },
  processEnv: Record<string, string | undefined> = {},
): RegistryCredentials | undefined {
  const username = nonEmpty(processEnv.TARMAC_REGISTRY_USERNAME) ?? nonEmpty(registry.username);
  const password = nonEmpty(processEnv.TARMAC_REGISTRY_PASSWORD) ?? nonEmpty(registry.password);
  if (username === undefined && password === undefined) return undefined;
  if (username === undefined || password === undefined) {
    const missing =
      username === undefined
        ? 'a user (registry.username or TARMAC_REGISTRY_USERNAME)'
        : 'a password (TARMAC_REGISTRY_PASSWORD or registry.password)';
    throw new TarmacError(
      'REGISTRY_CREDENTIALS_INCOMPLETE',
      `registry credentials need both a user and a password; ${missing} is missing`,
      {
        exitCode: ExitCode.usage,
        hint: 'Set registry.username in tarmac.yaml and the password in TARMAC_REGISTRY_PASSWORD (e.g. from a CI secret), or neither to use `podman login`.',
      },
    );
  }
  return { username, password };
}

/** `Basic base64(user:password)`, the HTTP Authorization value for the credentials. */
export function basicAuthorization(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** The auth file contents (podman's auth.json and docker's config.json share this shape) for one registry host. */
export function authFileContent(host: string, credentials: RegistryCredentials): string {
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  return `${JSON.stringify({ auths: { [host]: { auth } } })}\n`;
}

/**
 * Runs `use(path)` with a temp auth file for `host` (0600, in a 0700 dir named config.json so docker's
 * DOCKER_CONFIG can point at its dir), removed afterwards whatever happens. Why a file and not
 * `--creds user:pass`: argv is readable by every user of the host (`ps`), a 0600 file is not.
 */
export async function withAuthFile<T>(
  host: string,
  credentials: RegistryCredentials,
  use: (path: string) => Promise<T>,
): Promise<T> {
  // The pid in the name lets a later run remove the dir if this process is killed before `finally` (reconcile/auth-dirs.ts).
  const dir = await mkdtemp(join(tmpdir(), `tarmac-auth-${process.pid}-`));
  try {
    const path = join(dir, 'config.json');
    await writeFile(path, authFileContent(host, credentials), { mode: 0o600 });
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
