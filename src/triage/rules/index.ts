// Every triage rule, in causal order: a rule earlier in this list describes a cause that can produce the
// symptoms of a later one (an engine crash stops kind nodes; a stopped node fails image loads). diagnose
// breaks confidence ties by this order, so the root cause ranks above its consequences.
import type { Rule } from '../types.js';
import { buildDependencyDownload } from './build-dependency-download.js';
import { buildFailed } from './build-failed.js';
import { clockSkew } from './clock-skew.js';
import { containerNameInUse } from './container-name-in-use.js';
import { crashLoop } from './crash-loop.js';
import { deployApplyFailed } from './deploy-apply-failed.js';
import { diskFull } from './disk-full.js';
import { dnsResolution } from './dns-resolution.js';
import { engineCrash } from './engine-crash.js';
import { engineHung } from './engine-hung.js';
import { engineUnreachable } from './engine-unreachable.js';
import { fileLimits } from './file-limits.js';
import { hostPortInUse } from './host-port-in-use.js';
import { imageNotLocal } from './image-not-local.js';
import { imagePullFailed } from './image-pull-failed.js';
import { jobFailed } from './job-failed.js';
import { kindLoadFailed } from './kind-load-failed.js';
import { kindLoadSnapshotter } from './kind-load-snapshotter.js';
import { kindMountMissing } from './kind-mount-missing.js';
import { kindNameCollision } from './kind-name-collision.js';
import { kindNetworkConflict } from './kind-network-conflict.js';
import { kindNodeCgroups } from './kind-node-cgroups.js';
import { kindNodeStart } from './kind-node-start.js';
import { kindNodeStopped } from './kind-node-stopped.js';
import { kindRootless } from './kind-rootless.js';
import { kindSystemdBoot } from './kind-systemd-boot.js';
import { kubeadmFailed } from './kubeadm-failed.js';
import { kubeletNotReady } from './kubelet-not-ready.js';
import { missingConfigRef } from './missing-config-ref.js';
import { missingServiceAccount } from './missing-serviceaccount.js';
import { oomKilled } from './oom-killed.js';
import { proxy } from './proxy.js';
import { rbacForbidden } from './rbac-forbidden.js';
import { readinessProbe } from './readiness-probe.js';
import { registryAuth } from './registry-auth.js';
import { releaseHeld } from './release-held.js';
import { envOtherCheckout } from './env-other-checkout.js';
import { registryRateLimit } from './registry-rate-limit.js';
import { resourceQuota } from './resource-quota.js';
import { stepStalled } from './step-stalled.js';
import { testHarnessError } from './test-harness-error.js';
import { testsFailed } from './tests-failed.js';
import { tlsUntrusted } from './tls-untrusted.js';
import { unschedulable } from './unschedulable.js';

/** All rules, root causes first. */
export const RULES: readonly Rule[] = [
  // The engine and the host.
  engineCrash,
  engineUnreachable,
  engineHung,
  diskFull,
  oomKilled,
  fileLimits,
  // The network between the tools and their servers.
  clockSkew,
  proxy,
  dnsResolution,
  tlsUntrusted,
  // Cluster creation and reuse.
  kindRootless,
  kindMountMissing,
  hostPortInUse,
  kindNetworkConflict,
  kindNameCollision,
  envOtherCheckout,
  containerNameInUse,
  releaseHeld,
  kindNodeCgroups,
  kindNodeStart,
  kindSystemdBoot,
  kubeletNotReady,
  kubeadmFailed,
  kindNodeStopped,
  // Builds and delivery.
  registryRateLimit,
  registryAuth,
  buildDependencyDownload,
  buildFailed,
  imageNotLocal,
  kindLoadSnapshotter,
  kindLoadFailed,
  // Deploy and readiness.
  resourceQuota,
  rbacForbidden,
  deployApplyFailed,
  missingServiceAccount,
  missingConfigRef,
  imagePullFailed,
  crashLoop,
  unschedulable,
  jobFailed,
  readinessProbe,
  // Watchdogs and tests.
  stepStalled,
  testHarnessError,
  testsFailed,
];
