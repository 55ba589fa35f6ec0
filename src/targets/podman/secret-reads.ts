// PURE: where a pod spec hands a Secret to its containers (so only the Secrets a pod reads are played with it: each
// becomes a podman secret), and whether a failed `kube play` failed because of it.
// podman 4.3.1's kube play stores a played Secret as YAML and cannot read it back: env from a Secret (secretKeyRef,
// envFrom secretRef) fails with "secret <name> is not valid JSON", and a secret volume crashes podman (a nil pointer
// in kube.VolumeFromSecret). Checked on the real podman 4.3.1; a newer podman may not fail. Two checks use this:
// before anything is created, `validate` and `up` refuse a Secret read on a podman older than SECRET_READS_SINCE
// (secretReadSupport, targets/deploy-check.ts); at deploy, a failed play is named from podman's own output (play.ts),
// whatever the version, in case a later podman fails too.
import { asRecord, asRecords, asString, type Json } from './shape.js';

/** Each place the spec reads a Secret, e.g. `container app env PW (secretKeyRef store-credentials/password)`. */
export function secretReads(spec: Json): string[] {
  return reads(spec).map((r) => r.text);
}

/** The names of the Secrets the spec reads, each once. */
export function secretsRead(spec: Json): string[] {
  return [...new Set(reads(spec).map((r) => r.secret))];
}

function reads(spec: Json): { secret: string; text: string }[] {
  const found: { secret: string; text: string }[] = [];
  for (const container of [...asRecords(spec.initContainers), ...asRecords(spec.containers)]) {
    const name = asString(container.name) ?? '?';
    for (const env of asRecords(container.env)) {
      const ref = asRecord(asRecord(env.valueFrom)?.secretKeyRef);
      const secret = asString(ref?.name) ?? '?';
      if (ref)
        found.push({
          secret,
          text: `container ${name} env ${asString(env.name) ?? '?'} (secretKeyRef ${secret}/${asString(ref.key) ?? '?'})`,
        });
    }
    for (const from of asRecords(container.envFrom)) {
      const ref = asRecord(from.secretRef);
      const secret = asString(ref?.name) ?? '?';
      if (ref) found.push({ secret, text: `container ${name} envFrom (secretRef ${secret})` });
    }
  }
  for (const volume of asRecords(spec.volumes)) {
    const name = asString(volume.name) ?? '?';
    const ref = asRecord(volume.secret);
    const secret = asString(ref?.secretName) ?? '?';
    if (ref) found.push({ secret, text: `volume ${name} (secret ${secret})` });
    for (const source of asRecords(asRecord(volume.projected)?.sources)) {
      const projected = asString(asRecord(source.secret)?.name);
      if (asRecord(source.secret))
        found.push({ secret: projected ?? '?', text: `volume ${name} (projected secret ${projected ?? '?'})` });
    }
  }
  return found;
}

/** Whether kube play's output shows it could not hand a Secret to a container (podman 4.3.1's two failures). */
export function isSecretReadFailure(output: string): boolean {
  return /secret \S+ is not valid JSON|kube\.VolumeFromSecret/.test(output);
}

/**
 * The first podman taken to hand a played Secret to a container. Why 4.4: kube play learned Secrets in 4.3 (4.3.0 and
 * 4.3.1 have both failures above, reported upstream against 4.3.0 as podman issues 16269 and 16636, both closed
 * before 4.4.0); older podman cannot play a Secret at all. Only 4.3.1 was run here: 4.4 is inferred, not measured,
 * so a later failure is still caught at deploy (isSecretReadFailure).
 */
export const SECRET_READS_SINCE = '4.4.0';

/** Whether a podman of `version` (e.g. `4.3.1`, `5.2.0-dev`) can hand a Secret to a container; undefined: unreadable. */
export function secretReadSupport(version: string): boolean | undefined {
  const parts = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!parts) return undefined;
  const [major, minor] = [Number(parts[1]), Number(parts[2])];
  const [sinceMajor, sinceMinor] = SECRET_READS_SINCE.split('.').map(Number) as [number, number];
  return major > sinceMajor || (major === sinceMajor && minor >= sinceMinor);
}
