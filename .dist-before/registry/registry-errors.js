import { ExitCode, TarmacError } from "../errors/errors.js";
import { redactSecrets } from "../redact/patterns.js";
const TLS_CODES = /^(?:ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(?:GET|VERIFY)|HOSTNAME_MISMATCH)/;
const REACH_HINT = "Start the registry (or check registry.url in tarmac.yaml); a plain-HTTP local registry needs `registry.insecure: true`.";
function registryAuthError(where, status, challenge, user) {
  const host = new URL(where.url).host;
  const what = status === 401 ? user ? `refused the credentials of ${user}` : "requires authentication" : "denied access";
  return new TarmacError(
    "REGISTRY_AUTH",
    `The registry at ${host} ${what} (HTTP ${status}) when checking ${redactSecrets(where.ref)}`,
    {
      exitCode: ExitCode.environment,
      details: challenge ? [`WWW-Authenticate: ${redactSecrets(challenge)}`] : [],
      hint: user ? "Check registry.username and the password in TARMAC_REGISTRY_PASSWORD (or registry.password); the user needs pull (and, to push, push) rights." : `Set registry.username in tarmac.yaml and the password in TARMAC_REGISTRY_PASSWORD (e.g. from a CI secret); \`podman login ${host}\` alone covers podman's pushes and pulls but not tarmac's tag check.`,
      fact: { type: "registry", host }
    }
  );
}
function registryStatusError(where, status) {
  const transient = status === 429 || status >= 500;
  return new TarmacError("REGISTRY_FAILED", `The registry answered HTTP ${status} for ${redactSecrets(where.url)}`, {
    exitCode: transient ? ExitCode.infrastructure : ExitCode.environment,
    hint: transient ? "The registry is overloaded or failing; check its logs and run again." : "Check that registry.url points at a Docker Registry v2 (OCI distribution) API."
  });
}
function registryFetchError(url, err, timedOutAfterMs) {
  const safeUrl = redactSecrets(url);
  const origin = safeOrigin(safeUrl);
  const code = errorCode(err);
  if (timedOutAfterMs !== void 0) {
    return new TarmacError(
      "REGISTRY_UNREACHABLE",
      `The registry at ${origin} did not answer within ${timedOutAfterMs} ms`,
      {
        exitCode: ExitCode.environment,
        hint: REACH_HINT,
        cause: err
      }
    );
  }
  if (code && TLS_CODES.test(code)) {
    return new TarmacError("REGISTRY_TLS", `TLS with the registry at ${origin} failed (${code})`, {
      exitCode: ExitCode.environment,
      hint: "For a plain-HTTP local registry set `registry.insecure: true`; for a private CA, point NODE_EXTRA_CA_CERTS at its certificate.",
      cause: err
    });
  }
  const why = code === "ECONNREFUSED" ? "connection refused" : code === "ENOTFOUND" ? "host not found" : code ?? redactSecrets(errorMessage(err));
  return new TarmacError("REGISTRY_UNREACHABLE", `Cannot reach the registry at ${origin} (${why})`, {
    exitCode: ExitCode.environment,
    details: [`request: ${safeUrl}`],
    hint: REACH_HINT,
    cause: err
  });
}
function safeOrigin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
function errorCode(err) {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth += 1) {
    const code = e.code;
    if (typeof code === "string" && code !== "UND_ERR_SOCKET") return code;
  }
  return void 0;
}
function errorMessage(err) {
  const inner = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return inner instanceof Error ? inner.message : String(inner);
}
export {
  registryAuthError,
  registryFetchError,
  registryStatusError
};
//# sourceMappingURL=registry-errors.js.map
