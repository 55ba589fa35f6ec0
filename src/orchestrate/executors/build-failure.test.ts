import { describe, expect, it } from 'vitest';
import { storageRace } from './build-image.js';
import { buildFailure, failingInstruction } from './build-failure.js';
import type { CommandResult } from '../../exec/types.js';

// Recorded from podman 4.3.1 on Debian 12 (the failing fixture in test/fixtures/projects/failing).
const podmanTail = [
  'STEP 1/8: FROM scratch',
  'STEP 2/8: COPY hello.txt /hello.txt',
  '--> df058e65c50',
  'STEP 3/8: RUN ["/bin/does-not-exist", "--flag"]',
  'process failed to start with error: fork/exec /bin/does-not-exist: no such file or directoryprocess exited with error: exec: not startedsubprocess exited with status 1',
  'Error: building at STEP "RUN /bin/does-not-exist --flag": exit status 1',
];

const result = (over: Partial<CommandResult>): CommandResult => ({
  command: 'podman build',
  exitCode: 1,
  signal: undefined,
  timedOut: false,
  cancelled: false,
  forceKilled: false,
  durationMs: 10,
  stdout: '',
  stderr: '',
  tail: [],
  ok: false,
  ...over,
});

describe('failingInstruction', () => {
  it('names the last STEP line before the failure', () => {
    expect(failingInstruction(podmanTail)).toBe('STEP 3/8: RUN ["/bin/does-not-exist", "--flag"]');
  });
  it('falls back to podman\'s "building at STEP" line', () => {
    expect(failingInstruction(podmanTail.slice(-1))).toBe('STEP "RUN /bin/does-not-exist --flag"');
  });
  it('reads docker BuildKit step lines', () => {
    expect(
      failingInstruction(['#5 [2/3] RUN make', '#5 ERROR: process "/bin/sh -c make" did not complete successfully']),
    ).toBe('#5 [2/3] RUN make');
  });
  it('says nothing when no step is visible', () => {
    expect(failingInstruction(['Error: no context'])).toBeUndefined();
  });
});

describe('buildFailure', () => {
  it('is BUILD_FAILED with the image, the step and the tail', () => {
    const err = buildFailure('broken', result({ tail: podmanTail }), 'build:broken', 'podman');
    expect(err.code).toBe('BUILD_FAILED');
    expect(err.message).toBe(
      'image broken failed to build at STEP 3/8: RUN ["/bin/does-not-exist", "--flag"] (exited 1)',
    );
    expect(err.details.at(-1)).toMatch(/building at STEP/);
    // What triage reads: the same, typed.
    expect(err.fact).toEqual({
      type: 'build',
      instruction: 'STEP 3/8: RUN ["/bin/does-not-exist", "--flag"]',
      exitCode: 1,
      timedOut: false,
    });
  });
  it('says a timed-out build timed out, in the message and the fact', () => {
    const err = buildFailure(
      'slow',
      result({ exitCode: undefined, signal: 'SIGKILL', timedOut: true }),
      'build:slow',
      'podman',
    );
    expect(err.message).toBe('image slow failed to build (timed out)');
    expect(err.fact).toEqual({ type: 'build', signal: 'SIGKILL', timedOut: true });
  });
  it('is an engine failure when the engine died mid-build (the seed crash)', () => {
    const err = buildFailure(
      'holmesgpt-api',
      result({
        exitCode: 125,
        stderr: 'Error: server probably quit: unexpected EOF',
        tail: ['STEP 2/4: COPY . .', 'Error: server probably quit: unexpected EOF'],
      }),
      'build:holmesgpt-api',
      'podman',
    );
    expect(err.code).toBe('ENGINE_UNREACHABLE');
    expect(err.message).toMatch(/server probably quit/);
  });
  it('is a cancellation when the run was cancelled', () => {
    expect(buildFailure('x', result({ cancelled: true }), 'build:x', 'podman').code).toBe('CANCELLED');
  });
});

describe('storageRace', () => {
  it("recognises podman's image store changing under a build, not a Containerfile error", () => {
    expect(
      storageRace([
        'Error: checking if cached image exists from a previous build: getting top layer info: layer not known',
      ]),
    ).toBe(true);
    expect(storageRace(['Error: reading image "fd4a": locating image with ID "fd4a": image not known'])).toBe(true);
    expect(storageRace(['Error: building at STEP "RUN false": while running runtime: exit status 1'])).toBe(false);
    expect(storageRace(['Error: creating build container: localhost/missing: image not known'])).toBe(false);
  });
});
