// Each rule written from a gap the corpus showed (issue 14) with the dev-half cases it was written against, replayed
// through the live failure path into diagnose. Only dev-half ids: the test half stays unread (test/corpus/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusCaseSchema, type CorpusCase } from '../replay/corpus-case.js';
import { replayCase } from '../replay/replay-case.js';

const ROOT = new URL('../../../test/corpus/', import.meta.url).pathname;
const split = JSON.parse(readFileSync(`${ROOT}split.json`, 'utf8')) as { cases: Record<string, string> };

/** A dev-half case by id; refuses a test-half id so a test here can never read one. */
function devCase(category: string, id: string): CorpusCase {
  if (split.cases[id] !== 'dev') throw new Error(`${id} is not a dev-half case`);
  return corpusCaseSchema.parse(JSON.parse(readFileSync(`${ROOT}cases/${category}/${id}.json`, 'utf8')));
}

const RULE_CASES: [rule: string, category: string, ids: string[]][] = [
  ['dns-resolution', 'dns', ['kubernetes-the-hard-way-889', 'podman-compose-383']],
  ['proxy', 'proxy', ['kismatic-954', 'minikube-4965']],
  ['tls-untrusted', 'tls', ['containerd-1568', 'openshift-preflight-318']],
  ['clock-skew', 'clock-skew', ['cluster-api-bootstrap-provider-kubeadm-158', 'streem-32']],
  ['registry-rate-limit', 'registry-rate-limit', ['docker-docs-21908', 'image-syncer-160', 'kata-containers-10109']],
  [
    'build-dependency-download',
    'build-dependency-download',
    ['buildkite-agent-1560', 'dotnet-buildtools-prereqs-docker-622', 'kube-scheduler-simulator-136'],
  ],
  ['rbac-forbidden', 'rbac-forbidden', ['keycloak-operator-129', 'kubewatch-95', 'pdb-controller-31']],
  ['resource-quota', 'quota', ['gitops-operator-92', 'hmcts-cnp-flux-config-13765', 'okteto-381', 'onyxia-961']],
  [
    'job-failed',
    'job-failed',
    ['kubernetes-62382', 'pega-helm-charts-400', 'portworx-helm-26', 'thoth-application-1895'],
  ],
  ['file-limits', 'file-limits', ['kops-2913', 'moby-38814', 'watchfiles-320']],
  ['container-name-in-use', 'env-held', ['ceph-ansible-6018']],
  // kubevirt-478: the kubelet's journal, read from the node's exported logs (kind export logs).
  ['kubelet-not-ready', 'kubelet-not-ready', ['ansible-kubernetes-6', 'kind-known-issues-5', 'kubevirt-478']],
  ['kind-node-cgroups', 'kind-node-boot', ['kind-2082']],
  // Replay fidelity: a probe that never returned (hung engine); a cluster whose system pod crash-loops.
  ['engine-hung', 'engine-hung', ['moby-33994', 'podman-658']],
  ['crash-loop', 'crashloop', ['kind-1975']],
  ['kind-node-start', 'kind-node-boot', ['kind-known-issues', 'rancher-desktop-5092']],
  // The engine's own Go runtime crash: in its probe, and in a build client's own code.
  ['engine-crash', 'engine-crashed', ['buildkit-5379', 'containers-storage-2184']],
  // A pod that never got ready whose log ends in a klog fatal line (its status showed no CrashLoopBackOff yet).
  ['crash-loop', 'crashloop', ['kubevirt-project-infra-836']],
  // Second round (cases added with split-corpus --add): the engine clients' own words for a daemon they could not
  // reach; buildx's cut gRPC stream; a resolver that did not answer inside RUN; docker's older name conflict;
  // slirp4netns's failed port forward.
  ['engine-unreachable', 'engine-unreachable', ['anitab-portal-378', 'docker-library-docker-170']],
  ['engine-crash', 'engine-crashed', ['buildkit-3576']],
  ['dns-resolution', 'dns', ['ace-docker-142']],
  ['container-name-in-use', 'env-held', ['docker-gitlab-95']],
  ['host-port-in-use', 'port-in-use', ['podman-4804']],
];

describe('rules written from the dev half of the corpus', () => {
  for (const [rule, category, ids] of RULE_CASES)
    for (const id of ids)
      it(`${rule}: ${id} is its top verdict`, async () => {
        const { diagnosis } = await replayCase(devCase(category, id));
        expect(diagnosis.verdicts[0]?.ruleId).toBe(rule);
      });

  it('a generic rule defers to the marker: a go mod download timeout in RUN is not "the instruction failed" at 90%', async () => {
    const { diagnosis } = await replayCase(devCase('build-dependency-download', 'kube-scheduler-simulator-136'));
    const generic = diagnosis.verdicts.find((v) => v.ruleId === 'build-failed');
    expect(generic?.confidence ?? 0).toBeLessThan(0.5);
  });

  it('a build whose output names no failed instruction is not "the instruction failed" at 90%', async () => {
    for (const [category, id] of [
      ['engine-crashed', 'buildkit-3576'],
      ['engine-unreachable', 'anitab-portal-378'],
    ] as const) {
      const { diagnosis } = await replayCase(devCase(category, id));
      const generic = diagnosis.verdicts.find((v) => v.ruleId === 'build-failed');
      expect(generic?.confidence ?? 0).toBeLessThan(0.5);
    }
  });

  it('quota and RBAC refusals are no longer a missing ServiceAccount', async () => {
    for (const [category, id] of [
      ['quota', 'gitops-operator-92'],
      ['rbac-forbidden', 'kubewatch-95'],
    ] as const) {
      const { diagnosis } = await replayCase(devCase(category, id));
      expect(diagnosis.verdicts.map((v) => v.ruleId)).not.toContain('missing-serviceaccount');
    }
  });

  it('a registry lookup that names no image of its own does not blame a log line: the shown theories add up to at most 100%', async () => {
    const { diagnosis } = await replayCase(devCase('image-not-found', 'podman-troubleshooting'));
    expect(diagnosis.verdicts[0]?.ruleId).toBe('image-not-local');
    expect(diagnosis.verdicts[0]?.summary).toMatch(/image alpine/);
    expect(diagnosis.verdicts.reduce((s, v) => s + v.confidence, 0)).toBeLessThanOrEqual(1.0001);
  });
});
