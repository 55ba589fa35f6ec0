// Image references as containerd names them in a kind node, so `crictl images` can be compared with a ref.

/** containerd's canonical form: `foo` -> `docker.io/library/foo:latest`, `localhost/foo:t` stays, `a/b` -> `docker.io/a/b:latest`. */
export function canonicalRef(ref: string): string {
  const at = ref.indexOf('@');
  const named = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? '' : ref.slice(at);
  const slash = named.indexOf('/');
  const first = slash === -1 ? '' : named.slice(0, slash);
  const hasDomain = slash !== -1 && (/[.:]/.test(first) || first === 'localhost');
  let domain = hasDomain ? first : 'docker.io';
  let path = hasDomain ? named.slice(slash + 1) : named;
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const lastPart = path.slice(path.lastIndexOf('/') + 1);
  const tagged = lastPart.includes(':') || digest !== '' ? path : `${path}:latest`;
  return `${domain}/${tagged}${digest}`;
}

/**
 * The ref without the two prefixes engines add on their own (`localhost/` by podman for unqualified builds,
 * `docker.io/library/` by containerd), to recognise "the same image under another name" in error messages.
 */
export function shortRef(ref: string): string {
  return canonicalRef(ref).replace(/^(localhost|docker\.io\/library)\//, '');
}
