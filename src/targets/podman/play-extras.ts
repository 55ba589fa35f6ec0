// PURE: the objects played alongside a pod: the env's ConfigMaps and Secrets, and the claims it mounts,
// scoped to the env (podman volume names are global).
import type { KubeObject } from '../../kube/types.js';
import { scopedName, targetLabels } from './names.js';
import { asRecord, asRecords, asString, clone, type Json } from './shape.js';

/** ConfigMaps and Secrets from every group, the first of each kind and name (the applied group's come first). */
export function uniqueConfig(config: KubeObject[]): KubeObject[] {
  const seen = new Set<string>();
  return config
    .filter((o) => {
      const key = `${o.kind}/${o.metadata.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(clone);
}

/**
 * PersistentVolumeClaims become podman volumes with global names: scopes the pod's claims to the env,
 * labels them, and points the pod's volumes at the scoped names.
 */
export function scopeClaims(
  spec: Json,
  claims: KubeObject[],
  id: { env: string; project: string },
): { claims: KubeObject[]; volumes: string[] } {
  const { env } = id;
  const used: KubeObject[] = [];
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
      labels: { ...(c.metadata.labels ?? {}), ...targetLabels(id) },
    },
  }));
  return { claims: scoped, volumes: scoped.map((c) => c.metadata.name) };
}
