// Workloads the API server refuses for their shape (no selector, a selector the pod labels do not carry, a Job
// that may restart forever) are refused before anything is created on the kind target, located, with the fix.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../kube/parse-manifests.js';
import { workloadShapeProblems } from './workload-shape.js';

const check = (yaml: string) =>
  workloadShapeProblems([{ name: 'apps', objects: parseManifests(yaml, 'k8s/app.yaml'), waitFor: [], images: [] }]);

const deployment = (selector: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
${selector}  template:
    metadata: {labels: {app: api, tier: web}}
    spec: {containers: [{name: api, image: api}]}
`;
const job = (policy: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
${policy}      containers: [{name: migrate, image: tools}]
`;

describe('workloadShapeProblems', () => {
  it('refuses an apps/v1 workload without a selector, or whose matchLabels its pod template does not carry', () => {
    expect(check(deployment(''))).toEqual([
      'Deployment/api (k8s/app.yaml:1) has no spec.selector, which apps/v1 requires. Fix: add spec.selector.matchLabels with labels of its pod template',
    ]);
    expect(check(deployment('  selector: {matchLabels: {app: api, tier: db}}\n'))).toEqual([
      "Deployment/api (k8s/app.yaml:1): spec.selector.matchLabels tier=db is not among the pod template's labels, so the cluster would refuse it. Fix: make spec.template.metadata.labels carry them",
    ]);
  });

  it('accepts a selector its pod labels carry (a subset), and one made of matchExpressions', () => {
    expect(check(deployment('  selector: {matchLabels: {app: api}}\n'))).toEqual([]);
    expect(check(deployment('  selector: {matchExpressions: [{key: app, operator: Exists}]}\n'))).toEqual([]);
  });

  it('refuses a Job whose pod restart policy is not Never or OnFailure, set or not', () => {
    expect(check(job(''))).toEqual([
      "Job/migrate (k8s/app.yaml:1): spec.template.spec.restartPolicy is not set, and a Job's must be Never or OnFailure, so the cluster would refuse it. Fix: set restartPolicy: Never (or OnFailure)",
    ]);
    expect(check(job('      restartPolicy: Always\n'))[0]).toContain('restartPolicy is "Always"');
    expect([...check(job('      restartPolicy: Never\n')), ...check(job('      restartPolicy: OnFailure\n'))]).toEqual(
      [],
    );
  });
});
