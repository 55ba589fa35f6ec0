import { createHash } from "node:crypto";
import { suggestionHint } from "../config/suggest.js";
import { ExitCode, TarmacError } from "../errors/errors.js";
import { inApplyOrder } from "./apply-order.js";
import { logicalImageOf } from "./image-match.js";
import { applyNamespace } from "./namespaces.js";
import { containersOf, DEFAULT_WAIT_KINDS } from "./pod-specs.js";
function renderGroup(name, objects, images, opts) {
  const logical = new Set(images.keys());
  const used = /* @__PURE__ */ new Set();
  const rendered = objects.map((sourced) => {
    const object = structuredClone(sourced.object);
    for (const container of containersOf(object)) {
      const image = typeof container.image === "string" ? logicalImageOf(container.image, logical) : void 0;
      const ref = image === void 0 ? void 0 : images.get(image);
      if (image === void 0 || ref === void 0) continue;
      container.image = ref;
      container.imagePullPolicy = opts.pullPolicy;
      used.add(image);
    }
    return { ...sourced, object };
  });
  applyNamespace(rendered, opts.namespace);
  const ordered = inApplyOrder(rendered);
  return {
    name,
    objects: ordered,
    ...opts.namespace !== void 0 ? { namespace: opts.namespace } : {},
    renderHash: createHash("sha256").update(JSON.stringify({ objects: ordered.map((o) => o.object), inputs: opts.inputsDigest ?? null })).digest("hex").slice(0, 16),
    // Waited for in file order (progress lines follow the manifests), not in apply order.
    waitFor: waitFor(
      name,
      rendered.map((s) => s.object),
      opts.wait
    ),
    images: [...used].sort()
  };
}
function waitFor(group, objects, wait) {
  const ref = (o) => ({
    kind: o.kind,
    name: o.metadata.name,
    ...o.metadata.namespace ? { namespace: o.metadata.namespace } : {}
  });
  if (wait === void 0) return objects.filter((o) => DEFAULT_WAIT_KINDS.has(o.kind)).map(ref);
  return wait.map((w) => {
    const found = objects.find((o) => o.kind.toLowerCase() === w.kind.toLowerCase() && o.metadata.name === w.name);
    if (found) return { ...ref(found), ...w.condition ? { condition: w.condition } : {} };
    const known = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    throw new TarmacError(
      "DEPLOY_WAIT_UNKNOWN",
      `deploy group ${group}: \`wait\` names ${w.kind}/${w.name}, which is not among the group's objects`,
      {
        exitCode: ExitCode.usage,
        hint: suggestionHint(`${w.kind}/${w.name}`, known, `The group's objects are`) ?? "The group has no objects; check its `manifests`."
      }
    );
  });
}
export {
  renderGroup
};
//# sourceMappingURL=render.js.map
