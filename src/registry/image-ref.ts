// Image references as registries see them: `host[:port]/path/name[:tag][@digest]`, split into the parts
// the Registry HTTP API v2 needs, following the rules of docker/distribution's reference grammar.
import { ExitCode, TarmacError } from '../errors/errors.js';
import { redactSecrets } from '../redact/patterns.js';

/** A parsed image reference. */
export interface ImageRefParts {
  /** `host[:port]` as written (IPv6 hosts in brackets); `docker.io` when the reference names no registry. */
  registry: string;
  /** Repository path inside the registry, e.g. `team/base` (`library/busybox` on Docker Hub). */
  repository: string;
  tag?: string;
  /** `algorithm:hex`, e.g. `sha256:...`. */
  digest?: string;
}

const DOCKER_HUB = 'docker.io';
// One path component: lowercase alphanumerics joined by `.`, `_`, `__` or runs of `-`.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
// A DNS name or IPv4 address, or a bracketed IPv6 address, then an optional port.
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;

/** Splits an image reference into registry, repository, tag and digest; throws IMAGE_REF_INVALID with the reason. */
export function parseImageRef(ref: string): ImageRefParts {
  // A scheme is not part of a reference, but a registry url copied from a browser often has one.
  const text = ref.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (text === '' || /\s/.test(text)) throw invalid(ref, 'it is empty or contains whitespace');
  const firstSlash = text.indexOf('/');
  if (firstSlash > 0 && text.slice(0, firstSlash).includes('@')) {
    throw invalid(
      ref,
      'it carries credentials (user:password@host)',
      'Remove them from registry.url and log in with `podman login HOST` instead.',
    );
  }
  let rest = text;
  let digest: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalid(ref, `"${digest}" is not a digest (algorithm:hex)`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  // A colon after the last slash separates the tag; one before it belongs to a host:port.
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalid(ref, `"${tag}" is not a valid tag (letters, digits, _ . -; at most 128)`);
  }
  const { registry, path } = splitRegistry(rest);
  if (!HOST.test(registry)) throw invalid(ref, `"${registry}" is not a registry host[:port]`);
  const components = path.split('/');
  const bad = components.find((c) => !COMPONENT.test(c));
  if (bad !== undefined)
    throw invalid(ref, `"${bad}" is not a valid repository path component (lowercase letters, digits, . _ -)`);
  const repository = registry === DOCKER_HUB && components.length === 1 ? `library/${path}` : path;
  return { registry, repository, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** The reference a registry lookup asks for: the digest when there is one, else the tag, else `latest`. */
export function manifestReference(parts: ImageRefParts): string {
  return parts.digest ?? parts.tag ?? 'latest';
}

/** The host serving the registry API: Docker Hub's API does not live on `docker.io` itself. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}

/** Formats parts back into a reference (the inverse of parseImageRef for qualified references). */
export function formatImageRef(parts: ImageRefParts): string {
  return `${parts.registry}/${parts.repository}${parts.tag === undefined ? '' : `:${parts.tag}`}${parts.digest === undefined ? '' : `@${parts.digest}`}`;
}

// The first component names a registry only when it looks like a host (has a dot, a port or
// brackets, or is localhost); otherwise the whole reference is a Docker Hub path.
function splitRegistry(name: string): { registry: string; path: string } {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (slash > 0 && (first.includes('.') || first.includes(':') || first.startsWith('[') || first === 'localhost')) {
    return { registry: first, path: name.slice(slash + 1) };
  }
  return { registry: DOCKER_HUB, path: name };
}

function invalid(ref: string, why: string, hint?: string): TarmacError {
  return new TarmacError('IMAGE_REF_INVALID', `Cannot use image reference "${redactSecrets(ref)}": ${why}`, {
    exitCode: ExitCode.usage,
    hint:
      hint ??
      'Check registry.url in tarmac.yaml: it should look like `127.0.0.1:5000/team` or `registry.example.com/team`.',
  });
}
