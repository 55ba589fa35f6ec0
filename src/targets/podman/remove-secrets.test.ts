// A play that would make a podman secret under a name someone else's secret has is refused before podman overwrites
// it (podman 4.3.1 names kube play's secrets after the Secret and gives them no labels), over recorded `secret ls`.
import { describe, expect, it } from 'vitest';
import { createPodmanEngine } from '../../engines/podman.js';
import { fakeRunner } from '../../exec/fake-runner.test-kit.js';
import { podmanCli } from './podman-cli.js';
import { refuseForeignSecrets } from './remove-secrets.js';

const listing = (names: string) =>
  fakeRunner((call) =>
    call.args.join(' ') === 'secret ls --format {{.Name}}'
      ? { stdout: names }
      : { exitCode: 125, stderr: 'unexpected' },
  );

describe('refuseForeignSecrets', () => {
  it('refuses a name another owner uses, naming it and how to proceed', async () => {
    const runner = listing('users-own-secret\nstore-credentials\n');
    const refused = await refuseForeignSecrets(
      podmanCli(createPodmanEngine(runner)),
      'demo',
      ['store-credentials', 'api-token'],
      [],
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'SECRET_NAME_TAKEN', exitCode: 3 });
    expect((refused as Error).message).toContain('podman secret store-credentials exists but was not made by tarmac');
    expect((refused as { hint: string }).hint).toContain('podman secret rm store-credentials');
  });

  it("accepts the env's own recorded secrets and new names, and asks podman nothing when all are recorded", async () => {
    const runner = listing('store-credentials\n');
    const cli = podmanCli(createPodmanEngine(runner));
    await expect(
      refuseForeignSecrets(cli, 'demo', ['store-credentials'], ['store-credentials']),
    ).resolves.toBeUndefined();
    expect(runner.calls).toHaveLength(0);
    await expect(refuseForeignSecrets(cli, 'demo', ['api-token'], [])).resolves.toBeUndefined();
    expect(runner.calls).toHaveLength(1);
  });
});
