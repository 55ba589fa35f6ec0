import { ExitCode, TarmacError } from "../errors/errors.js";
import { redactSecrets } from "../redact/patterns.js";
import { basicAuthorization } from "./credentials.js";
function parseChallenge(header) {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!match?.[1]) return void 0;
  const params = {};
  for (const m of (match[2] ?? "").matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    if (m[1]) params[m[1].toLowerCase()] = (m[2] ?? m[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { scheme: match[1].toLowerCase(), params };
}
async function authorizationFor(challenge, credentials, request) {
  if (challenge.scheme === "basic") return basicAuthorization(credentials);
  if (challenge.scheme !== "bearer" || !challenge.params.realm) return void 0;
  const url = new URL(challenge.params.realm);
  if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
  if (challenge.params.scope) url.searchParams.set("scope", challenge.params.scope);
  const response = await request.fetch(url, {
    headers: { Authorization: basicAuthorization(credentials) },
    signal: request.signal
  });
  if (!response.ok) {
    await response.body?.cancel().catch(() => void 0);
    throw new TarmacError(
      "REGISTRY_AUTH",
      `The registry's token service at ${url.origin} refused the credentials of ${credentials.username} (HTTP ${response.status})`,
      {
        exitCode: ExitCode.environment,
        details: [`token request: ${redactSecrets(url.toString())}`],
        hint: "Check registry.username and TARMAC_REGISTRY_PASSWORD (a token needs pull and push rights on the repository)."
      }
    );
  }
  const body = await response.json();
  const token = typeof body.token === "string" ? body.token : typeof body.access_token === "string" ? body.access_token : void 0;
  return token === void 0 ? void 0 : `Bearer ${token}`;
}
export {
  authorizationFor,
  parseChallenge
};
//# sourceMappingURL=auth-challenge.js.map
