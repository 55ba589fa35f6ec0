// The engine's own crash and hang forms (issue 14): a Go runtime crash of the engine itself, and an API that took
// the call but never answered. Near misses: the same crash printed by a workload inside a RUN step, a refused socket.
import { describe, expect, it } from 'vitest';
import type { ErrorFact } from '../../errors/error-facts.js';
import { engineOk, inputOf, journal, runOf, probeFailed } from '../triage.test-kit.js';
import { engineCrash } from './engine-crash.js';
import { engineHung } from './engine-hung.js';
import { engineUnreachable } from './engine-unreachable.js';
import { buildDependencyDownload } from './build-dependency-download.js';
import { diagnose } from '../diagnose.js';

/** A failed build whose output ends with these lines. */
function failedBuild(tail: string[], fact?: ErrorFact) {
  return runOf(
    journal([
      {
        id: 'build:api',
        error: {
          code: 'BUILD_FAILED',
          message: 'image api failed to build (exited 2)',
          tail,
          ...(fact ? { fact } : {}),
        },
      },
    ]),
  );
}

const PANIC = [
  'panic: runtime error: invalid memory address or nil pointer dereference',
  '[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x6c75e8]',
  'goroutine 9 [running]:',
];

describe('the engine crashed: its own Go runtime crash', () => {
  it('a build whose engine client panicked in its own code is an engine crash', () => {
    const m = engineCrash.match(
      inputOf(failedBuild([...PANIC, 'github.com/containers/buildah/imagebuildah.(*Executor).Build(0xc0001)']), {
        engine: engineOk(),
      }),
    )!;
    expect(m.confidence).toBeGreaterThanOrEqual(0.5);
    expect(m.summary).toMatch(/Go runtime panic in the engine/);
    expect(m.evidence.join('\n')).toMatch(/build:api output: panic: runtime error/);
  });

  it('near miss: the same panic from a Go program in a RUN step, which podman reports as a failed STEP, is not', () => {
    const tail = [
      ...PANIC,
      'github.com/docker/docker/client.(*Client).ContainerList(0xc0001)',
      'Error: building at STEP "RUN go run ./cmd/gen": while running runtime: exit status 2',
    ];
    expect(engineCrash.match(inputOf(failedBuild(tail), { engine: engineOk() }))).toBeUndefined();
  });

  it("near miss: a panic whose frames are not the engine's code is the workload's", () => {
    const tail = [...PANIC, 'main.main()', '\t/src/app/main.go:12 +0x1d'];
    expect(engineCrash.match(inputOf(failedBuild(tail), { engine: engineOk() }))).toBeUndefined();
  });

  it('an engine probe that ends in a Go stack frame: the engine died answering it, not unreachable', () => {
    const input = inputOf(runOf(journal([])), {
      engine: probeFailed('/build/podman-5.3.1/vendor/github.com/containers/storage/layers.go:917 +0xff7'),
    });
    expect(engineCrash.match(input)?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(engineUnreachable.match(input)?.confidence).toBeLessThan(0.5);
  });
});

describe('the engine crashed: its service went away in the middle of a call', () => {
  it("podman's read on its own API socket reset mid-build is the engine, not a download", () => {
    const input = inputOf(
      failedBuild([
        'Error: Post "http://d/v4.4.1/libpod/build": read unix @->/run/user/1000/podman/podman.sock: read: connection reset by peer',
      ]),
      { engine: engineOk() },
    );
    expect(engineCrash.match(input)?.confidence).toBe(0.7);
    expect(buildDependencyDownload.match(input)).toBeUndefined();
  });

  it("BuildKit's client losing the daemon's stream is an engine crash", () => {
    const input = inputOf(
      failedBuild([
        'ERROR: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
      ]),
      { engine: engineOk() },
    );
    expect(engineCrash.match(input)?.confidence).toBe(0.7);
  });

  it("near miss: a RUN step's own gRPC client failing, in BuildKit's step log, is the step's", () => {
    const tail = [
      '#7 2.1 rpc error: code = Unavailable desc = error reading from server: EOF',
      'ERROR: failed to solve: process "/bin/sh -c ./fetch-schema" did not complete successfully: exit code: 1',
    ];
    expect(engineCrash.match(inputOf(failedBuild(tail), { engine: engineOk() }))).toBeUndefined();
  });
});

describe('near miss (issue 14 point 4): a RUN step printing every engine phrase, which podman reports as a failed STEP', () => {
  it('is not an engine crash nor an unreachable engine in the diagnosis', () => {
    const tail = [
      'Error: server probably quit: unexpected EOF',
      'Error: unable to connect to Podman socket: Cannot connect to Podman',
      'Error: Post "http://d/v5.0.0/libpod/build": read unix @->/run/podman/podman.sock: read: connection reset by peer',
      'ERROR: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
      ...PANIC,
      'github.com/containers/podman/v5/pkg/bindings.(*Connection).DoRequest(0xc0001)',
      'Error: building at STEP "RUN /bin/busybox sh -c ./noisy.sh": while running runtime: exit status 1',
    ];
    const { verdicts } = diagnose(inputOf(failedBuild(tail), { engine: engineOk() }));
    expect(verdicts.map((v) => v.ruleId)).not.toContain('engine-crash');
    expect(verdicts[0]?.ruleId).not.toBe('engine-unreachable');
  });

  it("is not unreachable either when only the build's typed fact says the instruction failed (podman 4.3 through its API service prints no STEP line)", () => {
    // What test/e2e/crash-phrases-in-run.test.ts records: the RUN's own echo lines, then podman's exit 1.
    const tail = [
      'Error: server probably quit: unexpected EOF',
      'Error: unable to connect to Podman socket: Cannot connect to Podman',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      'Error: dial unix /run/podman/podman.sock: connect: connection refused',
    ];
    const fact: ErrorFact = {
      type: 'build',
      instruction: 'STEP 2/2: RUN ["/bin/busybox", "sh", "-c", "..."]',
      exitCode: 1,
      timedOut: false,
    };
    const input = inputOf(failedBuild(tail, fact), { engine: engineOk() });
    expect(engineUnreachable.match(input)).toBeUndefined();
    expect(diagnose(input).verdicts[0]?.ruleId).not.toBe('engine-unreachable');
    // Near miss: the same lines from a build the podman client itself failed (exit 125) are the engine's.
    const client = inputOf(failedBuild(tail, { ...fact, exitCode: 125 }), { engine: engineOk() });
    expect(engineUnreachable.match(client)).toBeDefined();
  });
});

describe('the engine hangs: its API took the call and never answered', () => {
  it('a probe that ran out its deadline awaiting the answer is engine-hung, and unreachable stays below it', () => {
    const input = inputOf(runOf(journal([])), {
      engine: probeFailed(
        'error during connect: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
      ),
    });
    expect(engineHung.match(input)?.confidence).toBe(0.7);
    expect(engineUnreachable.match(input)?.confidence).toBeLessThan(0.5);
  });

  it('near miss: a refused socket is unreachable, not hung', () => {
    const input = inputOf(runOf(journal([])), {
      engine: probeFailed('dial unix /run/podman/podman.sock: connect: connection refused; context deadline exceeded'),
    });
    expect(engineHung.match(input)).toBeUndefined();
    // Unreachable, below 50%: a socket left behind with nothing listening may be a daemon that died (ninth round).
    expect(engineUnreachable.match(input)?.confidence).toBe(0.45);
  });
});
