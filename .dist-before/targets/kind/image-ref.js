function canonicalRef(ref) {
  const at = ref.indexOf("@");
  const named = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? "" : ref.slice(at);
  const slash = named.indexOf("/");
  const first = slash === -1 ? "" : named.slice(0, slash);
  const hasDomain = slash !== -1 && (/[.:]/.test(first) || first === "localhost");
  let domain = hasDomain ? first : "docker.io";
  let path = hasDomain ? named.slice(slash + 1) : named;
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !path.includes("/")) path = `library/${path}`;
  const lastPart = path.slice(path.lastIndexOf("/") + 1);
  const tagged = lastPart.includes(":") || digest !== "" ? path : `${path}:latest`;
  return `${domain}/${tagged}${digest}`;
}
function shortRef(ref) {
  return canonicalRef(ref).replace(/^(localhost|docker\.io\/library)\//, "");
}
export {
  canonicalRef,
  shortRef
};
//# sourceMappingURL=image-ref.js.map
