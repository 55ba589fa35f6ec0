const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_MAX = 255;
function isImageReference(s) {
  if (!s) return false;
  const name = s.split("@")[0].replace(/:[\w][\w.-]{0,127}$/, "");
  return name.length <= NAME_MAX && REFERENCE.test(s);
}
function firstImageReference(candidates) {
  return candidates.find(isImageReference);
}
export {
  firstImageReference,
  isImageReference
};
//# sourceMappingURL=image-ref.js.map
