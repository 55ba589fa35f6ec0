import { describe, expect, it } from 'vitest';
import {
  apiRefused,
  engineDown,
  engineOk,
  inputOf,
  journal,
  kindCluster,
  kindEnv,
  recordedRun,
  runOf,
} from '../triage.test-kit.js';
import { engineCrash } from './engine-crash.js';
import { engineHung } from './engine-hung.js';
import { engineUnreachable } from './engine-unreachable.js';
import { stepStalled } from './step-stalled.js';

/** The watchdog's engine probe that got no answer within its budget. */
const NO_ANSWER = { ok: false, timedOut: true, durationMs: 5000, detail: 'no answer within 5.0s' };

// A real journal: 3 builds through `podman system service`, SIGKILLed mid-build, not back within 3 s.
const lost = recordedRun('engine-lost');

describe('engine-crash', () => {
  it('names the crash, the parallel builds and the capacity from a real engine-lost journal', () => {
    const m = engineCrash.match(inputOf(lost, { engine: engineDown() }))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.9);
    expect(m.summary).toMatch(
      /server probably quit: unexpected EOF\) while 3 builds ran in parallel \(capacity 3\) and did not come back/,
    );
    expect(m.evidence.join('\n')).toMatch(
      /journal incident engine-crash: the engine crashed at \d\d:\d\d:\d\d: server probably quit/,
    );
    expect(m.actions).toContain(
      'tarmac up --capacity 2   # or set build.capacity: 2 in tarmac.yaml, so fewer builds share the engine',
    );
  });

  it('adds the dead kind cluster as a casualty, with the seed actions', () => {
    const m = engineCrash.match(
      inputOf(
        { ...lost, env: kindEnv('aianalysis-e2e') },
        { engine: engineOk(), clusters: kindCluster('aianalysis-e2e', 'exited', apiRefused()) },
      ),
    )!;
    expect(m.summary).toMatch(/kind cluster aianalysis-e2e is a casualty/);
    expect(m.evidence).toContain('clusters: node container aianalysis-e2e-control-plane: exited (exit code 137)');
    expect(m.actions.slice(0, 2)).toEqual(['kind delete cluster --name aianalysis-e2e', 'podman system prune -f']);
  });

  it('near miss: a crash the engine recovered from, then failing tests, is not the cause', () => {
    const events = journal(
      [{ id: 'build:a' }, { id: 'test', error: { code: 'TESTS_FAILED', message: 'tests failed: 1 of 3 failed' } }],
      {
        incidents: [
          {
            kind: 'engine-crash',
            message: 'the engine crashed at 20:44:34: server probably quit: unexpected EOF',
            stepIds: ['build:a'],
          },
        ],
      },
    );
    const m = engineCrash.match(inputOf(runOf(events), { engine: engineOk() }));
    expect(m?.confidence).toBeLessThan(0.5);
  });

  it('does not match a run without crash signs', () => {
    expect(engineCrash.match(inputOf(recordedRun('build-failed'), { engine: engineOk() }))).toBeUndefined();
  });
});

describe('engine-unreachable', () => {
  const refused = journal([
    {
      id: 'build:api',
      error: {
        code: 'ENGINE_UNREACHABLE',
        message: 'Could not check whether image localhost/api:tm-1 exists',
        tail: [
          'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM',
          'Error: unable to connect to Podman socket: Get "http://d/v4.3.1/libpod/_ping": dial unix /run/podman/podman.sock: connect: no such file or directory',
        ],
      },
    },
  ]);

  it('matches an engine that refuses now and refused the steps', () => {
    const m = engineUnreachable.match(inputOf(runOf(refused), { engine: engineDown() }))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.evidence.join('\n')).toMatch(/unable to connect to Podman socket/);
    expect(m.actions).toContain('podman system connection list');
  });

  it('names a stopped podman machine', () => {
    const machine = {
      name: 'machine',
      ok: true,
      timedOut: false,
      durationMs: 5,
      raw: '',
      data: { exists: true, machines: [{ name: 'podman-machine-default', state: 'stopped' }] },
    };
    const m = engineUnreachable.match(inputOf(runOf(refused), { engine: engineDown(), machine }))!;
    expect(m.summary).toMatch(/podman machine podman-machine-default is stopped/);
    expect(m.actions[0]).toBe('podman machine start podman-machine-default');
  });

  it('ranks below the crash when the journal recorded one', () => {
    const m = engineUnreachable.match(inputOf(lost, { engine: engineDown() }))!;
    const crash = engineCrash.match(inputOf(lost, { engine: engineDown() }))!;
    expect(m.confidence).toBeLessThan(crash.confidence);
  });

  it('near miss: a healthy engine and a plain build failure', () => {
    expect(engineUnreachable.match(inputOf(recordedRun('build-failed'), { engine: engineOk() }))).toBeUndefined();
  });
});

describe('engine-hung', () => {
  it('matches a probe that timed out', () => {
    const m = engineHung.match(
      inputOf(
        runOf(
          journal([
            {
              id: 'cluster',
              error: {
                code: 'CLUSTER_CREATE_TIMEOUT',
                message:
                  'kind create cluster printed nothing for 5m and did not finish within 5m; the engine health probe says: FAILED, no answer within 5.0s',
                probe: NO_ANSWER,
              },
            },
          ]),
        ),
        { engine: { ...engineDown(), data: { name: 'podman', reachable: false, hung: true, probeMs: 10_000 } } },
      ),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.evidence[0]).toBe('engine: podman info: no answer within 10000 ms');
  });

  it('outranks engine-crash when the watchdog\'s "crash" was a probe that got no answer and the engine still hangs (real SIGSTOPped service)', () => {
    const message =
      'the engine crashed at 21:54:06 (build:app printed nothing for 3.0s and the engine probe failed: no answer within 5.0s) and did not come back within 5.0s';
    const events = journal([{ id: 'build:app', error: { code: 'ENGINE_LOST', message } }], {
      incidents: [
        {
          kind: 'engine-crash',
          message:
            'the engine crashed at 21:54:06: build:app printed nothing for 3.0s and the engine probe failed: no answer within 5.0s',
          cause: { type: 'engine-probe', probe: NO_ANSWER },
          stepIds: ['build:app'],
        },
        { kind: 'engine-lost', message, cause: { type: 'engine-probe', probe: NO_ANSWER }, stepIds: ['build:app'] },
      ],
    });
    const hung = {
      engine: { ...engineDown(), data: { name: 'podman' as const, reachable: false, hung: true, probeMs: 4020 } },
    };
    const h = engineHung.match(inputOf(runOf(events), hung))!;
    const c = engineCrash.match(inputOf(runOf(events), hung))!;
    expect(h.confidence).toBeGreaterThan(c.confidence);
    // The same journal with the engine dead now (refusing) stays a crash.
    expect(engineCrash.match(inputOf(runOf(events), { engine: engineDown() }))!.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('near miss: a step timeout with a healthy probe is not the engine', () => {
    expect(engineHung.match(inputOf(recordedRun('step-timeout'), { engine: engineOk() }))).toBeUndefined();
  });
});

describe('step-stalled', () => {
  it('matches the real build timeout with a healthy engine probe', () => {
    const m = stepStalled.match(inputOf(recordedRun('step-timeout'), { engine: engineOk() }))!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.85);
    expect(m.summary).toMatch(/^build:hang printed nothing .* while the engine answered normally/);
    expect(m.evidence.join('\n')).toMatch(/sleeping-now/);
  });

  it('near miss: a deploy that kept reporting ReadinessProbeFailing until its step timeout is not a silent hang', () => {
    const t = journal([
      {
        id: 'deploy:apps',
        error: {
          code: 'STEP_TIMEOUT',
          message:
            'deploy:apps timed out after 12.0s (no output for 8.2s); engine probe: healthy, podman 4.3.1 answered in 223ms',
        },
      },
    ]);
    const m = stepStalled.match(
      inputOf(
        runOf(t, undefined, {
          'deploy:apps': ['Deployment/app: ReadinessProbeFailing (Readiness probe failed: exit code 1)'],
        }),
        { engine: engineOk() },
      ),
    )!;
    expect(m.confidence).toBeLessThan(0.75);
  });

  it('near miss: the engine is down now, so the hang may be the engine', () => {
    const m = stepStalled.match(inputOf(recordedRun('step-timeout'), { engine: engineDown() }))!;
    expect(m.confidence).toBeLessThan(0.5);
  });
});
