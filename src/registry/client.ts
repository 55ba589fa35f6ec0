// A small Docker Registry HTTP API v2 client on Node's fetch: does the registry have this tag?
import { CancelledError, TarmacError } from '../errors/errors.js';
import { apiHost, manifestReference, parseImageRef } from './image-ref.js';
import { registryAuthError, registryStatusError, registryFetchError } from './registry-errors.js';
import { authorizationFor, parseChallenge } from './auth-challenge.js';
import type { RegistryCredentials } from './credentials.js';

/** Every manifest type a tag may point at; without them a registry may 404 an OCI-only image. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
].join(', ');

const DEFAULT_TIMEOUT_MS = 10_000;

export interface HasTagOptions {
  /** Plain HTTP (a local registry without TLS); otherwise HTTPS with verification. */
  insecure: boolean;
  signal?: AbortSignal;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** The fetch to use (default: global fetch). */
  fetch?: typeof fetch;
  /** Answer a 401 with these (Basic, or a Bearer token from the challenge's realm); default: anonymous. */
  credentials?: RegistryCredentials;
}

/**
 * Whether the registry has `ref` (`host[:port]/path/name:tag`): 200 -> true, 404 -> false.
 * Throws REGISTRY_AUTH (401/403), REGISTRY_UNREACHABLE (connection, DNS, timeout), REGISTRY_TLS
 * or REGISTRY_FAILED (any other answer). With `credentials`, a 401 is answered once (Basic or Bearer token).
 */
export async function hasTag(ref: string, options: HasTagOptions): Promise<boolean> {
  const parts = parseImageRef(ref);
  const path = `/v2/${parts.repository}/manifests/${encodeURIComponent(manifestReference(parts))}`;
  const host = apiHost(parts.registry);
  let base = `${options.insecure ? 'http' : 'https'}://${host}`;
  let response = await manifestRequest(`${base}${path}`, 'HEAD', options);
  // A TLS registry answers a plain-HTTP request with 400 ("Client sent an HTTP request to an HTTPS
  // server"): insecure then means "HTTPS is fine too", as podman's --tls-verify=false does.
  if (options.insecure && response.status === 400) {
    base = `https://${host}`;
    response = await manifestRequest(`${base}${path}`, 'HEAD', options);
  }
  const challenge = response.headers.get('www-authenticate');
  let authorization: string | undefined;
  if (response.status === 401 && options.credentials && challenge) {
    authorization = await answerChallenge(challenge, options.credentials, options);
    if (authorization) response = await manifestRequest(`${base}${path}`, 'HEAD', options, authorization);
  }
  // Some registries do not implement HEAD on manifests.
  if (response.status === 405 || response.status === 501)
    response = await manifestRequest(`${base}${path}`, 'GET', options, authorization);
  const where = { ref, url: `${base}${path}` };
  if (response.ok) return true;
  if (response.status === 404) return false;
  if (response.status === 401 || response.status === 403) {
    throw registryAuthError(
      where,
      response.status,
      response.headers.get('www-authenticate'),
      options.credentials?.username,
    );
  }
  throw registryStatusError(where, response.status);
}

// One request with the manifest Accept header under its own timeout; the body is never needed.
async function manifestRequest(
  url: string,
  method: 'HEAD' | 'GET',
  options: HasTagOptions,
  authorization?: string,
): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    Accept: MANIFEST_ACCEPT,
    ...(authorization ? { Authorization: authorization } : {}),
  };
  try {
    const response = await (options.fetch ?? fetch)(url, { method, headers, signal, redirect: 'follow' });
    // Release the connection: a GET's manifest body is not read.
    await response.body?.cancel().catch(() => undefined);
    return response;
  } catch (err) {
    if (options.signal?.aborted) throw cancelled(options.signal);
    throw registryFetchError(url, err, timeout.aborted ? timeoutMs : undefined);
  }
}

// The Authorization header for a 401's challenge, under the same per-request timeout.
async function answerChallenge(
  header: string,
  credentials: RegistryCredentials,
  options: HasTagOptions,
): Promise<string | undefined> {
  const challenge = parseChallenge(header);
  if (!challenge) return undefined;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await authorizationFor(challenge, credentials, { fetch: options.fetch ?? fetch, signal });
  } catch (err) {
    if (err instanceof TarmacError) throw err;
    if (options.signal?.aborted) throw cancelled(options.signal);
    throw registryFetchError(challenge.params.realm ?? header, err, timeout.aborted ? timeoutMs : undefined);
  }
}

// The caller's abort reason when it is ours, else a plain cancellation.
function cancelled(signal: AbortSignal): TarmacError {
  const reason: unknown = signal.reason;
  return reason instanceof TarmacError ? reason : new CancelledError('registry check cancelled');
}
