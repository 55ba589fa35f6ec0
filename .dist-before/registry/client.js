import { CancelledError, TarmacError } from "../errors/errors.js";
import { apiHost, manifestReference, parseImageRef } from "./image-ref.js";
import { registryAuthError, registryStatusError, registryFetchError } from "./registry-errors.js";
import { authorizationFor, parseChallenge } from "./auth-challenge.js";
const MANIFEST_ACCEPT = [
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v1+prettyjws"
].join(", ");
const DEFAULT_TIMEOUT_MS = 1e4;
async function hasTag(ref, options) {
  const parts = parseImageRef(ref);
  const path = `/v2/${parts.repository}/manifests/${encodeURIComponent(manifestReference(parts))}`;
  const host = apiHost(parts.registry);
  let base = `${options.insecure ? "http" : "https"}://${host}`;
  let response = await manifestRequest(`${base}${path}`, "HEAD", options);
  if (options.insecure && response.status === 400) {
    base = `https://${host}`;
    response = await manifestRequest(`${base}${path}`, "HEAD", options);
  }
  const challenge = response.headers.get("www-authenticate");
  let authorization;
  if (response.status === 401 && options.credentials && challenge) {
    authorization = await answerChallenge(challenge, options.credentials, options);
    if (authorization) response = await manifestRequest(`${base}${path}`, "HEAD", options, authorization);
  }
  if (response.status === 405 || response.status === 501)
    response = await manifestRequest(`${base}${path}`, "GET", options, authorization);
  const where = { ref, url: `${base}${path}` };
  if (response.ok) return true;
  if (response.status === 404) return false;
  if (response.status === 401 || response.status === 403) {
    throw registryAuthError(
      where,
      response.status,
      response.headers.get("www-authenticate"),
      options.credentials?.username
    );
  }
  throw registryStatusError(where, response.status);
}
async function manifestRequest(url, method, options, authorization) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers = {
    Accept: MANIFEST_ACCEPT,
    ...authorization ? { Authorization: authorization } : {}
  };
  try {
    const response = await (options.fetch ?? fetch)(url, { method, headers, signal, redirect: "follow" });
    await response.body?.cancel().catch(() => void 0);
    return response;
  } catch (err) {
    if (options.signal?.aborted) throw cancelled(options.signal);
    throw registryFetchError(url, err, timeout.aborted ? timeoutMs : void 0);
  }
}
async function answerChallenge(header, credentials, options) {
  const challenge = parseChallenge(header);
  if (!challenge) return void 0;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await authorizationFor(challenge, credentials, { fetch: options.fetch ?? fetch, signal });
  } catch (err) {
    if (err instanceof TarmacError) throw err;
    if (options.signal?.aborted) throw cancelled(options.signal);
    throw registryFetchError(challenge.params.realm ?? header, err, timeout.aborted ? timeoutMs : void 0);
  }
}
function cancelled(signal) {
  const reason = signal.reason;
  return reason instanceof TarmacError ? reason : new CancelledError("registry check cancelled");
}
export {
  MANIFEST_ACCEPT,
  hasTag
};
//# sourceMappingURL=client.js.map
