import { describe, expect, it } from 'vitest';
import { fakeResult } from '../exec/fake-runner.test-kit.js';
import { recorded } from '../../test/fixtures/engines/recorded.js';
import { classifyEngineFailure, errorLine } from './classify.js';

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

describe('errorLine', () => {
  it('gives the engine error without its "Error: " prefix', () => {
    expect(errorLine(of('podman-4.3.1/tag-missing'))).toBe('localhost/tarmac-fixture:missing: image not known');
  });
  it('falls back to the last output line', () => {
    expect(errorLine(fakeResult({ exitCode: 1, stderr: 'first\nlast words' }))).toBe('last words');
  });
});
