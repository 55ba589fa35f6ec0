// Whether a string is an image reference, by the distribution reference grammar (github.com/distribution/reference):
// [domain[:port]/]path-component(/path-component)*[:tag][@algorithm:hex]. A log line, a path with spaces or a
// sentence is not one: rules validate a name with this before they blame it. Pure.

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
/** The grammar's limit on the name part. */
const NAME_MAX = 255;

/** True when `s` is a syntactically valid image reference (`alpine`, `localhost/api:dev`, `quay.io/a/b@sha256:…`). */
export function isImageReference(s: string | undefined): s is string {
  if (!s) return false;
  const name = s.split('@')[0]!.replace(/:[\w][\w.-]{0,127}$/, '');
  return name.length <= NAME_MAX && REFERENCE.test(s);
}

/** The first valid image reference among candidates (quoted names in an error, a pod's images). */
export function firstImageReference(candidates: readonly (string | undefined)[]): string | undefined {
  return candidates.find(isImageReference);
}
