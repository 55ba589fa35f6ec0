// PURE: where a pod spec hands a Secret to its containers, and whether a failed `kube play` failed because of it.
// podman 4.3.1's kube play stores a played Secret as YAML and cannot read it back: env from a Secret (secretKeyRef,
// envFrom secretRef) fails with "secret <name> is not valid JSON", and a secret volume crashes podman (a nil pointer
// in kube.VolumeFromSecret). Checked on the real podman 4.3.1; a newer podman may not fail, so tarmac names the cause
// only when podman's own output shows it (play.ts), never by version.
import { asRecord, asRecords, asString, type Json } from './shape.js';

/** Each place the spec reads a Secret, e.g. `container app env PW (secretKeyRef store-credentials/password)`. */
export function secretReads(spec: Json): string[] {
  const reads: string[] = [];
  for (const container of [...asRecords(spec.initContainers), ...asRecords(spec.containers)]) {
    const name = asString(container.name) ?? '?';
    for (const env of asRecords(container.env)) {
      const ref = asRecord(asRecord(env.valueFrom)?.secretKeyRef);
      if (ref)
        reads.push(
          `container ${name} env ${asString(env.name) ?? '?'} (secretKeyRef ${asString(ref.name) ?? '?'}/${asString(ref.key) ?? '?'})`,
        );
    }
    for (const from of asRecords(container.envFrom)) {
      const ref = asRecord(from.secretRef);
      if (ref) reads.push(`container ${name} envFrom (secretRef ${asString(ref.name) ?? '?'})`);
    }
  }
  for (const volume of asRecords(spec.volumes)) {
    const name = asString(volume.name) ?? '?';
    const secret = asRecord(volume.secret);
    if (secret) reads.push(`volume ${name} (secret ${asString(secret.secretName) ?? '?'})`);
    for (const source of asRecords(asRecord(volume.projected)?.sources)) {
      const projected = asRecord(source.secret);
      if (projected) reads.push(`volume ${name} (projected secret ${asString(projected.name) ?? '?'})`);
    }
  }
  return reads;
}

/** Whether kube play's output shows it could not hand a Secret to a container (podman 4.3.1's two failures). */
export function isSecretReadFailure(output: string): boolean {
  return /secret \S+ is not valid JSON|kube\.VolumeFromSecret/.test(output);
}
