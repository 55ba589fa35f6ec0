import { describe, expect, it } from 'vitest';
import { TarmacError } from '../../errors/errors.js';
import { fakeResult } from '../../exec/fake-runner.test-kit.js';
import { isTransientDeliveryFailure, LoadFailedError, notVerifiedError } from './deliver-errors.js';

const CTR =
  'ERROR: failed to load image: command "podman exec --privileged -i c-control-plane ctr --namespace=k8s.io images import --all-platforms --digests --snapshotter=overlayfs -" failed with error: exit status 1';
const load = (fields: Parameters<typeof fakeResult>[0]) =>
  new LoadFailedError(
    'localhost/a:1',
    'c',
    fakeResult({ command: 'kind load image-archive /tmp/x.tar --name c', exitCode: 1, ...fields }),
  );

describe('delivery failure classification', () => {
  it('retries an in-node ctr import failure and a timed-out load', () => {
    expect(load({ stderr: `${CTR}\nCommand Output: ctr: content digest sha256:ab: not found` }).transient).toBe(true);
    expect(load({ timedOut: true, exitCode: undefined, signal: 'SIGTERM' }).transient).toBe(true);
    expect(
      load({
        stderr:
          'ERROR: command "podman exec ..." failed with error: exit status 125\nCommand Output: Error: server probably quit: unexpected EOF',
      }).transient,
    ).toBe(true);
  });

  it('does not retry what another attempt cannot change, nor a cancelled load', () => {
    expect(load({ stderr: 'ERROR: no nodes found for cluster "c"' }).transient).toBe(false);
    expect(load({ stderr: 'ERROR: unknown node: c-worker' }).transient).toBe(false);
    expect(load({ stderr: 'ERROR: stat /tmp/x.tar: no such file or directory' }).transient).toBe(false);
    expect(load({ cancelled: true, exitCode: undefined, stderr: CTR }).transient).toBe(false);
  });

  it('retries engine.save() only when the engine was unreachable or slow', () => {
    expect(isTransientDeliveryFailure(new TarmacError('ENGINE_UNREACHABLE', 'x'))).toBe(true);
    expect(isTransientDeliveryFailure(new TarmacError('ENGINE_TIMEOUT', 'x'))).toBe(true);
    expect(isTransientDeliveryFailure(new TarmacError('ENGINE_COMMAND_FAILED', 'image not known'))).toBe(false);
    expect(isTransientDeliveryFailure(new Error('bug'))).toBe(false);
  });

  it("names the load failure with kind's own error line", () => {
    expect(load({ stderr: `using podman due to KIND_EXPERIMENTAL_PROVIDER\n${CTR}` }).message).toBe(
      `kind load image-archive of localhost/a:1 into c failed: ${CTR}`,
    );
  });
});

describe('notVerifiedError', () => {
  it('shows per node what it has instead, and hints at the localhost/ naming when that is the cause', () => {
    const error = notVerifiedError(
      'api:1',
      'c',
      {
        nodes: ['c-control-plane', 'c-worker'],
        missing: ['c-control-plane', 'c-worker'],
        lookalikes: new Map([['c-worker', ['localhost/api:1']]]),
      },
      'podman',
    );
    expect(error.code).toBe('DELIVERY_NOT_VERIFIED');
    expect(error.details).toEqual([
      'c-control-plane: no image named api:1',
      'c-worker: has localhost/api:1 but not api:1',
    ]);
    expect(error.hint).toContain('localhost/NAME');
  });
});
