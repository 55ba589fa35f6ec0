// `up` refuses what the target cannot deploy before anything is created, with validate's own check and error
// (MANIFEST_PROBLEMS, exit 2): the run's engine is asked only `version` (recorded podman 4.3.1 answers), and only
// when a pod reads a Secret; an engine that cannot answer leaves a note and the deploy decides.
import { describe, expect, it } from 'vitest';
import { recorded } from '../../test/fixtures/engines/recorded.js';
import { createPodmanEngine } from '../engines/podman.js';
import { TarmacError } from '../errors/errors.js';
import { fakeRunner, type FakeAnswer } from '../exec/fake-runner.test-kit.js';
import { parseManifests } from '../kube/parse-manifests.js';
import { renderGroup } from '../kube/render.js';
import { makeEnv } from '../plan/plan.test-kit.js';
import { checkDeployable } from './preflight.js';

const READER = `apiVersion: v1
kind: Pod
metadata: {name: api}
spec: {containers: [{name: api, image: api, envFrom: [{secretRef: {name: creds}}]}]}
`;
const groups = (yaml: string) =>
  new Map([['apps', renderGroup('apps', parseManifests(yaml, 'k8s/apps.yaml'), new Map(), { pullPolicy: 'Never' })]]);

async function check(yaml: string, version: FakeAnswer) {
  const runner = fakeRunner(() => version);
  const notes: string[] = [];
  const env = { ...makeEnv([]), deploy: [] };
  const outcome = await checkDeployable({
    env,
    target: 'podman',
    groups: groups(yaml),
    engine: createPodmanEngine(runner),
    signal: new AbortController().signal,
    note: (line) => notes.push(line),
  }).catch((error: unknown) => error);
  return { outcome, notes, calls: runner.calls.map((c) => c.args.join(' ')) };
}

describe('checkDeployable (up, before anything is created)', () => {
  it('refuses a Secret read on podman 4.3.1 with exit 2, having asked the engine nothing but its version', async () => {
    const { outcome, calls } = await check(READER, recorded('podman-4.3.1/version'));
    if (!(outcome instanceof TarmacError)) throw new Error(`expected a TarmacError, got ${String(outcome)}`);
    expect([outcome.code, outcome.exitCode]).toEqual(['MANIFEST_PROBLEMS', 2]);
    expect(outcome.message).toBe('1 manifest problem (target podman); nothing was created');
    expect(outcome.details).toEqual([
      expect.stringMatching(
        /^Pod\/api \(k8s\/apps\.yaml:1\): podman 4\.3\.1's kube play cannot give a Secret to a container .*: container api envFrom \(secretRef creds\)\./,
      ),
    ]);
    expect(calls).toEqual(['version --format json']);
  });

  it('goes on with a note when the engine cannot say its version', async () => {
    const { outcome, notes } = await check(READER, recorded('podman-4.3.1/unreachable-version'));
    expect(outcome).toBeUndefined();
    expect(notes).toEqual([expect.stringMatching(/^1 workload reads a Secret \(Pod\/api .*was not checked: /)]);
  });

  it('asks the engine nothing when no pod reads a Secret', async () => {
    const { outcome, calls } = await check(
      READER.replace(/, envFrom: .*\]\}\]/, '}]'),
      recorded('podman-4.3.1/version'),
    );
    expect([outcome, calls]).toEqual([undefined, []]);
  });
});
