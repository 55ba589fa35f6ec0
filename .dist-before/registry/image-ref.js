import { ExitCode, TarmacError } from "../errors/errors.js";
import { redactSecrets } from "../redact/patterns.js";
const DOCKER_HUB = "docker.io";
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
function parseImageRef(ref) {
  const text = ref.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  if (text === "" || /\s/.test(text)) throw invalid(ref, "it is empty or contains whitespace");
  const firstSlash = text.indexOf("/");
  if (firstSlash > 0 && text.slice(0, firstSlash).includes("@")) {
    throw invalid(
      ref,
      "it carries credentials (user:password@host)",
      "Remove them from registry.url and log in with `podman login HOST` instead."
    );
  }
  let rest = text;
  let digest;
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalid(ref, `"${digest}" is not a digest (algorithm:hex)`);
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalid(ref, `"${tag}" is not a valid tag (letters, digits, _ . -; at most 128)`);
  }
  const { registry, path } = splitRegistry(rest);
  if (!HOST.test(registry)) throw invalid(ref, `"${registry}" is not a registry host[:port]`);
  const components = path.split("/");
  const bad = components.find((c) => !COMPONENT.test(c));
  if (bad !== void 0)
    throw invalid(ref, `"${bad}" is not a valid repository path component (lowercase letters, digits, . _ -)`);
  const repository = registry === DOCKER_HUB && components.length === 1 ? `library/${path}` : path;
  return { registry, repository, ...tag === void 0 ? {} : { tag }, ...digest === void 0 ? {} : { digest } };
}
function manifestReference(parts) {
  return parts.digest ?? parts.tag ?? "latest";
}
function apiHost(registry) {
  return registry === DOCKER_HUB ? "registry-1.docker.io" : registry;
}
function formatImageRef(parts) {
  return `${parts.registry}/${parts.repository}${parts.tag === void 0 ? "" : `:${parts.tag}`}${parts.digest === void 0 ? "" : `@${parts.digest}`}`;
}
function splitRegistry(name) {
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  if (slash > 0 && (first.includes(".") || first.includes(":") || first.startsWith("[") || first === "localhost")) {
    return { registry: first, path: name.slice(slash + 1) };
  }
  return { registry: DOCKER_HUB, path: name };
}
function invalid(ref, why, hint) {
  return new TarmacError("IMAGE_REF_INVALID", `Cannot use image reference "${redactSecrets(ref)}": ${why}`, {
    exitCode: ExitCode.usage,
    hint: hint ?? "Check registry.url in tarmac.yaml: it should look like `127.0.0.1:5000/team` or `registry.example.com/team`."
  });
}
export {
  apiHost,
  formatImageRef,
  manifestReference,
  parseImageRef
};
//# sourceMappingURL=image-ref.js.map
