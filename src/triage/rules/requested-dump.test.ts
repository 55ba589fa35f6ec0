// A goroutine dump someone asked a stuck engine for (the Go runtime's `SIGQUIT: quit`, issue 14) is no crash: its
// `goroutine N [...]` headers look like one. On the probe it is a hang hint; near miss: a real Go crash stays a crash.
import { describe, expect, it } from 'vitest';
import { probeErrorLine } from '../../engines/classify.js';
import { fakeResult } from '../../exec/fake-runner.test-kit.js';
import { inputOf, journal, runOf, probeFailed } from '../triage.test-kit.js';
import { engineCrash } from './engine-crash.js';
import { engineHung } from './engine-hung.js';

const DUMP =
  'SIGQUIT: quit\nPC=0x46fbe1 m=0 sigcode=0\n\ngoroutine 1 [select, 5 minutes]:\nmain.main()\n\t/go/src/github.com/docker/cli/cmd/docker/docker.go:68 +0x491';

describe('a goroutine dump on SIGQUIT', () => {
  it("is the probe's error line, and a hang hint (65%), not a crash", () => {
    expect(probeErrorLine(fakeResult({ exitCode: 2, stderr: DUMP }))).toBe('SIGQUIT: quit');
    const input = inputOf(runOf(journal([])), { engine: probeFailed('SIGQUIT: quit', 'docker') });
    expect(engineCrash.match(input)).toBeUndefined();
    expect(engineHung.match(input)?.confidence).toBe(0.65);
  });

  it("in an engine step's output (goroutines in the engine's code) is no engine crash", () => {
    const run = runOf(
      journal([{ id: 'build:api', error: { code: 'BUILD_FAILED', message: 'build failed', tail: DUMP.split('\n') } }]),
    );
    expect(engineCrash.match(inputOf(run))).toBeUndefined();
  });

  it('near miss: a Go runtime crash of the engine stays a crash', () => {
    const crash = 'fatal error: concurrent map writes\n\ngoroutine 45 [running]:\nruntime.throw({0x1c2c2e4, 0x16})';
    expect(probeErrorLine(fakeResult({ exitCode: 2, stderr: crash }))).toBe('fatal error: concurrent map writes');
    const input = inputOf(runOf(journal([])), { engine: probeFailed('fatal error: concurrent map writes', 'docker') });
    expect(engineCrash.match(input)?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(engineHung.match(input)).toBeUndefined();
  });
});
