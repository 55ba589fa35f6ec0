import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExitCode, TarmacError } from "../errors/errors.js";
function registryCredentials(registry, processEnv = {}) {
  const username = nonEmpty(processEnv.TARMAC_REGISTRY_USERNAME) ?? nonEmpty(registry.username);
  const password = nonEmpty(processEnv.TARMAC_REGISTRY_PASSWORD) ?? nonEmpty(registry.password);
  if (username === void 0 && password === void 0) return void 0;
  if (username === void 0 || password === void 0) {
    const missing = username === void 0 ? "a user (registry.username or TARMAC_REGISTRY_USERNAME)" : "a password (TARMAC_REGISTRY_PASSWORD or registry.password)";
    throw new TarmacError(
      "REGISTRY_CREDENTIALS_INCOMPLETE",
      `registry credentials need both a user and a password; ${missing} is missing`,
      {
        exitCode: ExitCode.usage,
        hint: "Set registry.username in tarmac.yaml and the password in TARMAC_REGISTRY_PASSWORD (e.g. from a CI secret), or neither to use `podman login`."
      }
    );
  }
  return { username, password };
}
function basicAuthorization(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
function authFileContent(host, credentials) {
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64");
  return `${JSON.stringify({ auths: { [host]: { auth } } })}
`;
}
async function withAuthFile(host, credentials, use) {
  const dir = await mkdtemp(join(tmpdir(), `tarmac-auth-${process.pid}-`));
  try {
    const path = join(dir, "config.json");
    await writeFile(path, authFileContent(host, credentials), { mode: 384 });
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function nonEmpty(value) {
  return value === void 0 || value === "" ? void 0 : value;
}
export {
  authFileContent,
  basicAuthorization,
  registryCredentials,
  withAuthFile
};
//# sourceMappingURL=credentials.js.map
