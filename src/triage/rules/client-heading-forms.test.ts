// Issue 14, ninth round: the docker client's heading alone (`Cannot connect to the Docker daemon at unix:///... Is the
// docker daemon running?`) is printed alike for a daemon that was never started or was stopped, a client pointed at
// another address, and a daemon that died (the dev case docker-for-linux-291, docker/for-linux#291: a dockerd panic
// behind the same line). Without a dial's own detail or a stopped machine, engine-unreachable stays below 50%; so it
// does when the dial was refused on the engine's unix socket (its file left behind: a daemon that died, or stopped
// uncleanly).
import { describe, expect, it } from 'vitest';
import { diagnoseShape } from './documented-forms.test-kit.js';

const probe = (output: string) => ({ phase: 'engine-probe' as const, output, exitCode: 1 });

describe("the engine client's heading alone", () => {
  it('docker version: Cannot connect to the Docker daemon ... Is the docker daemon running? is below 50%', async () => {
    const d = await diagnoseShape(
      probe(
        [
          'Client:',
          ' Version:\t17.12.1-ce',
          ' API version:\t1.35',
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        ].join('\n'),
      ),
    );
    expect(d.top).toBe('engine-unreachable');
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('near miss: a dial that found no socket (never started, or stopped) keeps 90%', async () => {
    const d = await diagnoseShape(
      probe(
        'failed to connect to the docker API at unix:///var/run/docker.sock; check if the path is correct and if the daemon is running: dial unix /var/run/docker.sock: connect: no such file or directory',
      ),
    );
    expect(d.top).toBe('engine-unreachable');
    expect(d.confidence).toBeCloseTo(0.9);
  });

  // Go's net.UnixListener unlinks the socket file Listen created when it is closed: a daemon that stopped cleanly
  // leaves no file, one that died without closing it leaves the file with nothing listening.
  it('a refused dial on the engine unix socket (the file left behind) is below 50%', async () => {
    const d = await diagnoseShape(
      probe(
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\nerror during connect: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.43/version": dial unix /var/run/docker.sock: connect: connection refused',
      ),
    );
    expect(d.top).toBe('engine-unreachable');
    expect(d.confidence).toBeLessThan(0.5);
  });

  // The dev case podman-20424 (containers/podman#20424): podman's heading with its dial's detail.
  it("near miss: podman's heading with the refused dial keeps 90%", async () => {
    const d = await diagnoseShape(
      probe(
        [
          'Cannot connect to Podman. Please verify your connection to the Linux system using `podman system connection list`, or try `podman machine init` and `podman machine start` to manage a new Linux VM',
          'Error: unable to connect to Podman socket: failed to connect: dial tcp [::1]:64503: connectex: No connection could be made because the target machine actively refused it.',
        ].join('\n'),
      ),
    );
    expect(d.top).toBe('engine-unreachable');
    expect(d.confidence).toBeCloseTo(0.9);
  });
});
