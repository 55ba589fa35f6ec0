import { scopedName, targetLabels } from "./names.js";
import { asRecord, asRecords, asString, clone } from "./shape.js";
function uniqueConfig(config) {
  const seen = /* @__PURE__ */ new Set();
  return config.filter((o) => {
    const key = `${o.kind}/${o.metadata.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map(clone);
}
function scopeClaims(spec, claims, id) {
  const { env } = id;
  const used = [];
  for (const volume of asRecords(spec.volumes)) {
    const claim = asRecord(volume.persistentVolumeClaim);
    const claimName = asString(claim?.claimName);
    const object = claims.find((c) => c.metadata.name === claimName);
    if (!claim || !object) continue;
    claim.claimName = scopedName(env, object.metadata.name);
    if (!used.includes(object)) used.push(object);
  }
  const scoped = used.map((c) => ({
    ...clone(c),
    metadata: {
      ...clone(c.metadata),
      name: scopedName(env, c.metadata.name),
      labels: { ...c.metadata.labels ?? {}, ...targetLabels(id) }
    }
  }));
  return { claims: scoped, volumes: scoped.map((c) => c.metadata.name) };
}
export {
  scopeClaims,
  uniqueConfig
};
//# sourceMappingURL=play-extras.js.map
