// Which manifest `image:` values stand for a logical image of the config.

/**
 * The logical image an `image:` value names, if any. Accepted: the bare name (`datastorage`), the name
 * with `:latest`, and podman's `localhost/` spelling of either, which is what an unqualified local build
 * is called. Anything else (another tag, a registry, a digest) is a real reference and left alone.
 */
export function logicalImageOf(image: string, logicalNames: ReadonlySet<string>): string | undefined {
  const unprefixed = image.startsWith('localhost/') ? image.slice('localhost/'.length) : image;
  const bare = unprefixed.endsWith(':latest') ? unprefixed.slice(0, -':latest'.length) : unprefixed;
  return logicalNames.has(bare) ? bare : undefined;
}
