// Answering a registry's 401: Basic auth directly, or the Docker token flow (Bearer realm=...) with
// the credentials as Basic auth on the token request (docker/distribution's token spec).
import { ExitCode, TarmacError } from '../errors/errors.js';
import { redactSecrets } from '../redact/patterns.js';
import { basicAuthorization, type RegistryCredentials } from './credentials.js';

/** A parsed WWW-Authenticate challenge: the scheme and its parameters (realm, service, scope). */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="https://auth/token",service="reg",scope="repository:x:pull"` (or `Basic realm="..."`). */
export function parseChallenge(header: string): AuthChallenge | undefined {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!match?.[1]) return undefined;
  const params: Record<string, string> = {};
  for (const m of (match[2] ?? '').matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    if (m[1]) params[m[1].toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme: match[1].toLowerCase(), params };
}

/**
 * The Authorization header that answers `challenge` with `credentials`: Basic at once; for Bearer, a
 * token fetched from the realm. Throws REGISTRY_AUTH (exit 3) when the token service refuses.
 */
export async function authorizationFor(
  challenge: AuthChallenge,
  credentials: RegistryCredentials,
  request: { fetch: typeof fetch; signal: AbortSignal },
): Promise<string | undefined> {
  if (challenge.scheme === 'basic') return basicAuthorization(credentials);
  if (challenge.scheme !== 'bearer' || !challenge.params.realm) return undefined;
  const url = new URL(challenge.params.realm);
  if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
  if (challenge.params.scope) url.searchParams.set('scope', challenge.params.scope);
  const response = await request.fetch(url, {
    headers: { Authorization: basicAuthorization(credentials) },
    signal: request.signal,
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new TarmacError(
      'REGISTRY_AUTH',
      `The registry's token service at ${url.origin} refused the credentials of ${credentials.username} (HTTP ${response.status})`,
      {
        exitCode: ExitCode.environment,
        details: [`token request: ${redactSecrets(url.toString())}`],
        hint: 'Check registry.username and TARMAC_REGISTRY_PASSWORD (a token needs pull and push rights on the repository).',
      },
    );
  }
  const body = (await response.json()) as { token?: unknown; access_token?: unknown };
  const token =
    typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : undefined;
  return token === undefined ? undefined : `Bearer ${token}`;
}
