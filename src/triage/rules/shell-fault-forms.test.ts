// Issue 14, twelfth round: the shell's own report that an engine's program died of a fault signal (bash's jobs.c
// pretty_print_job with glibc's signal descriptions; zsh's signal names), with near misses where the signal or the
// program is not a crashed engine's.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("the shell reports that an engine's program died of a fault signal", () => {
  // bminor/bash jobs.c: `script: line N: PID <strsignal text padded> (core dumped) COMMAND`.
  it("bash's report of podman build killed by SIGSEGV (70%)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 139,
      output: [
        'STEP 1/4: FROM registry.access.redhat.com/ubi9/ubi-minimal',
        '/home/runner/work/_temp/0b1c.sh: line 2: 48213 Segmentation fault      (core dumped) podman build -t app:ci .',
      ].join('\n'),
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeCloseTo(0.7);
    expect(d.summary).toMatch(/fault signal, as the shell/);
  });

  it("bash's report of a docker command aborted (SIGABRT) in a test script", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 134,
      output: './hack/e2e.sh: line 41: 3120 Aborted                 (core dumped) docker run --rm app:test',
    });
    expect(d.top).toBe('engine-crash');
  });

  // A binary built for a newer CPU than the host's dies at its first instruction (SIGILL).
  it("bash's report of /usr/bin/podman killed by SIGILL, without a core", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 132,
      output: 'bash: line 1:   911 Illegal instruction     /usr/bin/podman run --rm quay.io/podman/hello',
    });
    expect(d.top).toBe('engine-crash');
  });

  // zsh Src/signames: lower-case names, `illegal hardware instruction` for SIGILL.
  it("zsh's report: zsh: illegal hardware instruction  docker compose up", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 132,
      output: 'zsh: illegal hardware instruction  docker compose up -d',
    });
    expect(d.top).toBe('engine-crash');
  });

  it("near miss: SIGKILL's `Killed` is the OOM killer's or someone's kill, no crash", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 137,
      output: './hack/e2e.sh: line 41: 3120 Killed                  podman run --rm app:test',
    });
    expect(d.of('engine-crash')).toBeLessThan(0.5);
  });

  it("near miss: a test program's own segfault is not the engine's", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 139,
      output: './run.sh: line 7: 2211 Segmentation fault      (core dumped) ./bin/integration-tests --engine podman',
    });
    expect(d.top).not.toBe('engine-crash');
  });

  it('near miss: a docker client inside a RUN step the builder blamed is the workload', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      output: [
        'STEP 3/4: RUN ./ci/inner-build.sh',
        './ci/inner-build.sh: line 4:    77 Segmentation fault      (core dumped) docker build -t inner .',
        'Error: building at STEP "RUN ./ci/inner-build.sh": while running runtime: exit status 139',
      ].join('\n'),
    });
    expect(d.top).not.toBe('engine-crash');
  });
});
