// Which verdicts count as right for each corpus category: the rule ids whose verdict names the case's root cause.
// A rule that only names a symptom (a pull failed, a build instruction failed) is not accepted for a category whose
// cause is deeper (rate limit, proxy, DNS, a download inside the build). An empty list: no rule covers the category
// today, so every verdict on it is wrong and only "unclassified" is honest.
import type { Category } from './corpus-case.js';

export const ACCEPTED_RULES: Readonly<Record<Category, readonly string[]>> = {
  'engine-crashed': ['engine-crash'],
  'engine-hung': ['engine-hung'],
  'engine-unreachable': ['engine-unreachable'],
  'disk-full': ['disk-full'],
  'out-of-memory': ['oom-killed'],
  'file-limits': ['file-limits'],
  'port-in-use': ['host-port-in-use'],
  dns: ['dns-resolution'],
  proxy: ['proxy'],
  tls: ['tls-untrusted'],
  'clock-skew': ['clock-skew'],
  'registry-auth': ['registry-auth'],
  // image-pull-failed names the pull, not why it was refused.
  'registry-rate-limit': ['registry-rate-limit'],
  // The image does not exist where it is looked for: in the registry (a pull) or in the engine's store.
  'image-not-found': ['image-pull-failed', 'image-not-local'],
  'build-instruction': ['build-failed'],
  // build-failed says the instruction itself failed, not the network: the wrong way for a download failure.
  'build-dependency-download': ['build-dependency-download'],
  // cgroups/systemd/rootless delegation keep the node from booting; or the engine refuses to start the node.
  'kind-node-boot': ['kind-systemd-boot', 'kind-rootless-delegation', 'kind-node-start', 'kind-node-cgroups'],
  // kind reports a kubelet that never gets healthy as kubeadm init failing.
  'kubelet-not-ready': ['kind-kubeadm-failed', 'kubelet-not-ready'],
  crashloop: ['crash-loop'],
  'readiness-probe': ['readiness-probe-failing'],
  // deploy-apply-failed names a missing CRD (no matches for kind) as the cause of a rejected apply.
  'crd-missing': ['deploy-apply-failed'],
  'rbac-forbidden': ['rbac-forbidden'],
  quota: ['unschedulable', 'resource-quota'],
  'job-failed': ['job-failed'],
  // Another cluster or process holding the env's name, release or lock.
  'env-held': ['kind-name-collision', 'container-name-in-use', 'release-held', 'env-other-checkout'],
};
