import { describe, expect, it } from 'vitest';
import { fakeResult } from '../exec/fake-runner.test-kit.js';
import { recorded } from '../../test/fixtures/engines/recorded.js';
import { classifyEngineFailure, errorLine, unreachableLine } from './classify.js';

const of = (name: string) => fakeResult(recorded(name));

describe('classifyEngineFailure (recorded real outputs)', () => {
  it.each([
    ['podman-4.3.1/remote-build-server-quit', 'Error: server probably quit: unexpected EOF'],
    ['podman-4.3.1/remote-refused-version', /^Error: unable to connect to Podman socket: .*connection refused$/],
    ['podman-4.3.1/unreachable-version', /^Error: unable to connect to Podman socket: .*no such file or directory$/],
    [
      'docker-28.2.2/no-daemon-version',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    ],
    ['docker-28.2.2/no-daemon-ps', /^Cannot connect to the Docker daemon/],
  ])('%s is ENGINE_UNREACHABLE (exit 3)', (name, evidence) => {
    const failure = classifyEngineFailure(of(name));
    expect(failure?.code).toBe('ENGINE_UNREACHABLE');
    expect(failure?.exitCode).toBe(3);
    expect(failure?.evidence).toMatch(evidence);
  });

  it.each([
    ['podman-4.3.1/build-fail', 'Error: building at STEP "RUN /bin/does-not-exist": exit status 1'],
    ['podman-4.3.1/tag-missing', 'Error: localhost/tarmac-fixture:missing: image not known'],
    ['podman-4.3.1/push-refused', /^Error: .*connection refused$/],
  ])('%s is a plain command failure', (name, evidence) => {
    const failure = classifyEngineFailure(of(name));
    expect(failure?.code).toBe('ENGINE_COMMAND_FAILED');
    expect(failure?.exitCode).toBe(4);
    expect(failure?.evidence).toMatch(evidence);
  });

  it('classifies successes, spawn errors, cancels and timeouts', () => {
    expect(classifyEngineFailure(of('podman-4.3.1/version'))).toBeUndefined();
    expect(classifyEngineFailure(fakeResult({ exitCode: undefined, spawnError: 'podman not found' }))).toEqual({
      code: 'ENGINE_NOT_FOUND',
      exitCode: 3,
      evidence: 'podman not found',
    });
    expect(classifyEngineFailure(fakeResult({ exitCode: undefined, signal: 'SIGTERM', cancelled: true }))?.code).toBe(
      'CANCELLED',
    );
    expect(
      classifyEngineFailure(fakeResult({ exitCode: undefined, signal: 'SIGTERM', timedOut: true, timeoutMs: 30_000 })),
    ).toEqual({
      code: 'ENGINE_TIMEOUT',
      exitCode: 4,
      evidence: 'no answer within 30.0s',
    });
  });

  it('prefers "server probably quit" over a generic timeout when both apply', () => {
    const crashed = fakeResult({ ...recorded('podman-4.3.1/remote-build-server-quit'), timedOut: true });
    expect(classifyEngineFailure(crashed)?.code).toBe('ENGINE_UNREACHABLE');
  });
});

/** Every phrase the classifier knew to mean "engine gone"; the recorded RUN steps below print them all. */
const CRASH_PHRASES = [
  'server probably quit',
  'Cannot connect to Podman',
  'unable to connect to Podman socket',
  'Connection refused',
  'Cannot connect to the Docker daemon',
  'error during connect',
  'dial unix /run/podman/podman.sock: connect: connection refused',
  'dial unix /run/podman/podman.sock: connect: no such file or directory',
];

describe('a RUN step that prints every crash phrase and exits 1 (recorded real builds)', () => {
  it.each([
    [
      'podman-4.3.1/build-run-prints-crash-phrases',
      /^Error: building at STEP "RUN .*: while running runtime: exit status 1$/,
    ],
    ['podman-4.3.1/remote-build-run-prints-crash-phrases', /^Error: building at STEP "RUN .*: exit status 1$/],
    ['docker-28.2.2-podman-compat/build-run-prints-crash-phrases', /^building at STEP "RUN .*: exit status 1$/],
  ])('%s is the build failing, not the engine', (name, finalLine) => {
    const result = of(name);
    const output = `${result.stdout}\n${result.stderr}`;
    // The recording really holds every phrase (the engine's own final line quotes them too).
    for (const phrase of CRASH_PHRASES) expect(output).toContain(phrase);
    expect(unreachableLine(result)).toBeUndefined();
    const failure = classifyEngineFailure(result);
    expect(failure?.code).toBe('ENGINE_COMMAND_FAILED');
    expect(failure?.evidence).toMatch(finalLine);
  });

  it("reads only the client's final stderr line: the phrases in stdout or the streamed tail do not count", () => {
    const phrases = CRASH_PHRASES.map((p) => `Error: ${p}`);
    const result = fakeResult({
      exitCode: 125,
      stdout: phrases.join('\n'),
      stderr: [...phrases, 'Error: building at STEP "RUN ./fetch.sh": while running runtime: exit status 7'].join('\n'),
      tail: phrases,
    });
    expect(classifyEngineFailure(result)?.code).toBe('ENGINE_COMMAND_FAILED');
  });

  it("takes podman's own words only with its own exit code 125", () => {
    const quit = recorded('podman-4.3.1/remote-build-server-quit');
    expect(classifyEngineFailure(fakeResult({ ...quit, exitCode: 1 }))?.code).toBe('ENGINE_COMMAND_FAILED');
    expect(classifyEngineFailure(fakeResult(quit))?.code).toBe('ENGINE_UNREACHABLE');
  });

  it('knows docker\'s "error during connect" and a refused API socket as the final line', () => {
    const refused =
      'error during connect: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": dial unix /var/run/docker.sock: connect: connection refused';
    expect(classifyEngineFailure(fakeResult({ exitCode: 1, stderr: refused }))?.evidence).toBe(refused);
    const gone = 'Error: dial unix /run/podman/podman.sock: connect: no such file or directory';
    expect(classifyEngineFailure(fakeResult({ exitCode: 125, stderr: gone }))?.code).toBe('ENGINE_UNREACHABLE');
  });
});

describe('errorLine', () => {
  it('gives the engine error without its "Error: " prefix', () => {
    expect(errorLine(of('podman-4.3.1/tag-missing'))).toBe('localhost/tarmac-fixture:missing: image not known');
  });
  it('falls back to the last output line', () => {
    expect(errorLine(fakeResult({ exitCode: 1, stderr: 'first\nlast words' }))).toBe('last words');
  });
});
