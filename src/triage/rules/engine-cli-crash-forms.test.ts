// Issue 14, eighth round: a test command that ran the engine's own program (podman, docker), which crashed with a Go
// runtime panic: its trace runs through the engine's command (`main.` frames in cmd/podman), so the engine crashed,
// not the workload.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("the engine's own program crashed inside a test command", () => {
  // containers/podman#1664 (the dev case podman-1664): `podman port -l` with no containers dereferenced a nil
  // container; the panic as quoted in the PR description.
  it("podman's panic with frames in libpod and cmd/podman (70%)", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 2,
      output: [
        ' panic: runtime error: invalid memory address or nil pointer dereference',
        ' [signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0xf3cef1]',
        '',
        ' goroutine 1 [running]:',
        ' github.com/containers/libpod/libpod.(*Container).State(0x0, 0x0, 0x0, 0x0)',
        ' \t/share/go/src/github.com/containers/libpod/libpod/container.go:658 +0x41',
        ' main.portCmd(0xc420094580, 0x0, 0x0)',
        ' \t/share/go/src/github.com/containers/libpod/cmd/podman/port.go:118 +0x406',
      ].join('\n'),
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeCloseTo(0.7);
  });

  // The module path of podman 4 and later carries its major version (github.com/containers/podman/v5).
  it('podman 5: frames in github.com/containers/podman/v5/cmd/podman', async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 2,
      output: [
        'panic: runtime error: index out of range [0] with length 0',
        '',
        'goroutine 1 [running]:',
        'github.com/containers/podman/v5/cmd/podman/containers.ps(0xc000123, {0x0, 0x0, 0x0})',
        '\t/builddir/build/BUILD/podman-5.0.0/cmd/podman/containers/ps.go:123 +0x1f',
      ].join('\n'),
    });
    expect(d.top).toBe('engine-crash');
  });

  it("near miss: a test program's panic inside an engine's client library is the test's own", async () => {
    const d = await diagnoseShape({
      phase: 'test',
      exitCode: 2,
      output: [
        'panic: runtime error: invalid memory address or nil pointer dereference',
        '[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0xf3cef1]',
        '',
        'goroutine 1 [running]:',
        'github.com/docker/docker/client.(*Client).ContainerStart(0x0, 0x0)',
        '\t/go/pkg/mod/github.com/docker/docker@v24.0.0/client/container_start.go:12 +0x41',
        'main.main()',
        '\t/src/example.com/e2e/cmd/e2e/main.go:20 +0x406',
      ].join('\n'),
    });
    expect(d.of('engine-crash')).toBe(0);
  });
});
