// Replays synthetic cases (texts from recorded podman/kind outputs) through the live failure path into diagnose.
import { describe, expect, it } from 'vitest';
import type { CorpusCase } from './corpus-case.js';
import { replayCase } from './replay-case.js';
import { scoreCase } from './score.js';

const CANNOT_CONNECT =
  'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM';

function caseOf(fields: Partial<CorpusCase> & Pick<CorpusCase, 'category' | 'phase' | 'output'>): CorpusCase {
  return {
    id: 'unit-1',
    source: { url: 'https://example.test/unit' },
    rootCause: 'unit test',
    exitCode: 125,
    pod: null,
    ...fields,
  };
}

describe('replayCase', () => {
  it('an engine-probe case fails before the journal, with the probe output as the engine evidence', async () => {
    const c = caseOf({ category: 'engine-unreachable', phase: 'engine-probe', output: `Error: ${CANNOT_CONNECT}` });
    const { input, diagnosis } = await replayCase(c);
    expect(input.run.events).toEqual([]);
    expect(input.run.thrown?.code).toBe('ENGINE_UNREACHABLE');
    expect(input.evidence.engine?.data).toMatchObject({ reachable: false, error: CANNOT_CONNECT });
    expect(scoreCase(c, diagnosis).outcome).toBe('right');
  });

  it('a build whose RUN printed `connection refused` fails on its own through the scheduler, as a live run does', async () => {
    const c = caseOf({
      category: 'build-dependency-download',
      phase: 'build',
      exitCode: 1,
      output:
        'STEP 2/3: RUN curl -fsS http://127.0.0.1:8081/pkg.tgz\ncurl: (7) Failed to connect to 127.0.0.1 port 8081: Connection refused\nError: building at STEP "RUN curl": exit status 7',
    });
    const { input } = await replayCase(c);
    // The workload's words are not the engine's: no crash path (issue 14 part 4).
    expect(input.run.events.filter((e) => e.type === 'incident')).toEqual([]);
    const failed = input.run.events.filter((e) => e.type === 'step.finished' && e.state === 'failed');
    expect(failed).toMatchObject([{ stepId: 'build:app', error: { code: 'BUILD_FAILED' } }]);
    expect(
      input.run.events
        .filter((e) => e.type === 'step.started')
        .map((e) => e.type === 'step.started' && `${e.stepId}#${e.attempt}`),
    ).toEqual(['build:app#1', 'cluster#1']); // run once: no requeue
    expect(input.run.stepLogs['build:app']).toContain(
      'curl: (7) Failed to connect to 127.0.0.1 port 8081: Connection refused',
    );
    expect(input.evidence.engine?.data?.reachable).toBe(true);
  });

  it('a deploy case with a crash-looping pod reaches the readiness wait and the workloads evidence', async () => {
    const c = caseOf({
      category: 'crashloop',
      phase: 'deploy',
      exitCode: null,
      output: 'panic: missing DATABASE_URL',
      pod: { phase: 'Running', waiting: { reason: 'CrashLoopBackOff' }, terminated: { exitCode: 2 }, restartCount: 4 },
    });
    const { input, diagnosis } = await replayCase(c);
    const failed = input.run.events.find((e) => e.type === 'step.finished' && e.state === 'failed');
    expect(failed).toMatchObject({ stepId: 'deploy:app', error: { code: 'DEPLOY_FAILED' } });
    expect(input.evidence.workloads?.data?.pods[0]).toMatchObject({
      reasons: ['CrashLoopBackOff', 'exit 2'],
      restarts: 4,
      logTail: ['panic: missing DATABASE_URL'],
    });
    expect(diagnosis.verdicts[0]?.ruleId).toBe('crash-loop');
  });

  it('a deploy case without a pod is kubectl apply failing with its output', async () => {
    const c = caseOf({
      category: 'crd-missing',
      phase: 'deploy',
      exitCode: 1,
      output:
        'error: resource mapping not found for name: "web" namespace: "" from "app.yaml": no matches for kind "Certificate" in version "cert-manager.io/v1"',
    });
    const { input } = await replayCase(c);
    const failed = input.run.events.find((e) => e.type === 'step.finished' && e.state === 'failed');
    expect(failed).toMatchObject({ stepId: 'deploy:app', error: { code: 'DEPLOY_APPLY_FAILED' } });
  });

  it('an engine probe recorded without exit code or client error is a probe that never returned: a hung engine', async () => {
    const c = caseOf({
      category: 'engine-hung',
      phase: 'engine-probe',
      exitCode: null,
      output: 'fcntl(18, F_SETLKW, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0}',
    });
    const { input, diagnosis } = await replayCase(c);
    expect(input.evidence.engine?.data).toMatchObject({ reachable: false, hung: true });
    expect(diagnosis.verdicts[0]?.ruleId).toBe('engine-hung');
    // A probe that printed a failure returned with it: unreachable, not hung (with or without podman's prefix).
    for (const output of [
      `Error: ${CANNOT_CONNECT}`,
      'Got permission denied while trying to connect to the Docker daemon socket',
    ]) {
      const refused = await replayCase({ ...c, output });
      expect(refused.input.evidence.engine?.data?.hung).toBe(false);
    }
  });

  it("a create whose output is the node's kubelet journal reaches triage as the exported kind logs", async () => {
    const c = caseOf({
      category: 'kubelet-not-ready',
      phase: 'cluster-create',
      exitCode: null,
      output: [
        'Oct 01 11:15:21 master kubelet[16173]: error: failed to run Kubelet: running with swap on is not supported',
        'Oct 01 11:15:21 master systemd[1]: kubelet.service: main process exited, code=exited, status=1/FAILURE',
      ].join('\n'),
    });
    const { input, diagnosis } = await replayCase(c);
    expect(input.run.events.find((e) => e.type === 'step.finished' && e.state === 'failed')).toMatchObject({
      stepId: 'cluster',
      error: { code: 'CLUSTER_CREATE_FAILED' },
    });
    expect(input.evidence.kindLogs?.data?.lines).toEqual([
      {
        file: 'replay-e2e-control-plane/kubelet.log',
        text: 'error: failed to run Kubelet: running with swap on is not supported',
      },
      {
        file: 'replay-e2e-control-plane/journal.log',
        text: 'kubelet.service: main process exited, code=exited, status=1/FAILURE',
      },
    ]);
    expect(diagnosis.verdicts[0]?.ruleId).toBe('kubelet-not-ready');
  });
});
