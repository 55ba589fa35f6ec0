// Issue 14, tenth round: the dev half's misses fixed by the cause's documented family, each with a near miss that must
// not be claimed confidently.
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

describe("the engine stopped reading a build's context mid-upload (podman's remote client)", () => {
  // The dev case podman-18627 (https://github.com/containers/podman/issues/18627): the machine's VM crashed on a build.
  it('the multi-error report alone: * io: read/write on closed pipe', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output: 'ERRO[0005] 1 error occurred:\n* io: read/write on closed pipe',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // https://github.com/containers/podman/issues/8845: the connection cut during a long upload.
  it("the build request's own error: Post .../libpod/build?...: io: read/write on closed pipe", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output:
        'Error: Post "http://d/v2.0.0/libpod/build?dockerfile=Dockerfile&forcerm=1&rm=1&t=test-large-container": io: read/write on closed pipe',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // The same report's request line (https://github.com/containers/podman/issues/18627 shows its start, `Error: Post
  // "http://d/v4.5.0/libpod/build?...": write tcp 127.0.0.1:60518->`), ended in Go's net.OpError form (golang/go
  // src/net/net.go): the build request's connection broke mid-upload.
  it("the build request's connection broken: write tcp ...: write: broken pipe", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output:
        'Error: Post "http://d/v4.5.0/libpod/build?dockerfile=%5B%22Dockerfile%22%5D&rm=1&t=mwp-simple-test": write tcp 127.0.0.1:60518->127.0.0.1:50000: write: broken pipe',
    });
    expect(d.top).toBe('engine-crash');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it("near miss: a broken pipe on another call than the build's upload (the client's pull of its base image)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output:
        'Error: creating build container: initializing source docker://registry.example.com/base:1: pinging container registry registry.example.com: Get "https://registry.example.com/v2/": write tcp 10.0.0.5:51234->10.0.0.9:443: write: broken pipe',
    });
    expect(d.of('engine-crash')).toBeLessThan(0.3);
  });

  // https://github.com/containers/podman/issues/18916: the client could not read a context file; the pipe closed
  // because of that error.
  it('near miss: a context file the client could not read, named beside the closed pipe', async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 125,
      output: [
        String.raw`time="2023-05-24T12:18:29+03:00" level=error msg="1 error occurred:\n\t* open C:\\renv\\sandbox\\KernSmooth: The file cannot be accessed by the system.\n\n\n"`,
        'Error: Post "http://d/v4.5.0/libpod/build?dockerfile=%5B%22Dockerfile%22%5D&rm=1": ',
        'io: read/write on closed pipe',
      ].join('\n'),
    });
    expect(d.of('engine-crash')).toBeLessThan(0.3);
  });

  it("near miss: a RUN step's own program printing the same Go error (the builder blames the step)", async () => {
    const d = await diagnoseShape({
      phase: 'build',
      exitCode: 1,
      output: [
        'STEP 2/3: RUN ./sync-assets',
        'sync: upload failed: io: read/write on closed pipe',
        'Error: building at STEP "RUN ./sync-assets": while running runtime: exit status 1',
      ].join('\n'),
    });
    expect(d.top).toBe('build-failed');
    expect(d.of('engine-crash')).toBeLessThan(0.3);
  });
});
