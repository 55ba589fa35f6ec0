// Acceptance: two tarmac processes on different envs at once never exceed the host capacity together, as checked
// from both journals; the one that waits says for whom. Real podman; each RUN works for a couple of seconds.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TarmacEvent } from '../../src/events/types.js';
import { holdings, peakHostWeight } from '../../src/lease/lease.test-kit.js';
import { cleanupByLabel } from '../support/podman-env.js';
import { finalStates, readJournal } from '../support/journal-checks.js';
import { parseJsonOutput, startTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const envs: string[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const env of envs) await cleanup(env);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Other tests remove their images at the same time, and `podman images` can trip over one vanishing: try again.
async function cleanup(env: string, tries = 3): Promise<void> {
  try {
    await cleanupByLabel(env);
  } catch (err) {
    if (tries <= 1) throw err;
    await cleanup(env, tries - 1);
  }
}

/** A light project: three busybox images of weight 2, 1 and 1, each RUN working for two seconds. */
function lightProject(env: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tarmac-${env}-`));
  dirs.push(dir);
  const images = [
    { name: 'heavy', weight: 2 },
    { name: 'left', weight: 1 },
    { name: 'right', weight: 1 },
  ];
  for (const image of images) {
    const context = join(dir, image.name);
    mkdirSync(join(context, 'rootfs', 'bin'), { recursive: true });
    copyFileSync('/bin/busybox', join(context, 'rootfs', 'bin', 'busybox'));
    // The env name in the context makes every tag unique to this test, so nothing is ever cached.
    writeFileSync(join(context, 'nonce.txt'), env);
    writeFileSync(
      join(context, 'Containerfile'),
      [
        'FROM scratch',
        'COPY rootfs/ /',
        'COPY nonce.txt /nonce.txt',
        `RUN ["/bin/busybox", "sh", "-c", "echo working on ${image.name}; /bin/busybox sleep 2; echo done"]`,
        '',
      ].join('\n'),
    );
  }
  const yaml = [
    `name: ${env}`,
    'build:',
    '  capacity: 2',
    'images:',
    ...images.flatMap((i) => [`  - name: ${i.name}`, `    context: ${i.name}`, `    weight: ${i.weight}`]),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'tarmac.yaml'), yaml);
  return dir;
}

describe('two tarmac builds on one host', () => {
  it('share the engine: together they never hold more than the host capacity, and both succeed', async () => {
    const leaseDir = mkdtempSync(join(tmpdir(), 'tarmac-leases-test-'));
    dirs.push(leaseDir);
    const [envA, envB] = [uniqueEnvName('lease-a'), uniqueEnvName('lease-b')];
    envs.push(envA, envB);
    const projects = [lightProject(envA), lightProject(envB)];
    // No TARMAC_HOST_CAPACITY: the host capacity is the largest of the runs' own capacities (2 and 2).
    const env = { TARMAC_LEASE_DIR: leaseDir };
    const [a, b] = await Promise.all(
      projects.map((dir) => startTarmac(['build', '--plain', '--json', '-f', join(dir, 'tarmac.yaml')], { env })),
    );
    expect(a!.exitCode, a!.all).toBe(0);
    expect(b!.exitCode, b!.all).toBe(0);
    const journals: TarmacEvent[][] = [a!, b!].map((r) => readJournal(parseJsonOutput(r.stdout).journal));
    for (const events of journals)
      expect(Object.values(finalStates(events))).toEqual(['succeeded', 'succeeded', 'succeeded']);

    // The check only means something if the two runs really ran at the same time.
    const spans = journals.map((events) => {
      const held = holdings([events]);
      return { from: Math.min(...held.map((h) => h.startAt)), to: Math.max(...held.map((h) => h.endAt)) };
    });
    expect(spans[0]!.from < spans[1]!.to && spans[1]!.from < spans[0]!.to, JSON.stringify(spans)).toBe(true);

    // From both journals merged by time: the summed engine weight of running steps never exceeded 2.
    const peak = peakHostWeight(journals);
    expect(peak.peak, JSON.stringify(peak)).toBe(2);

    // Whoever waited said so, naming the other run (by pid and env) and what it held or queued for. Which wording
    // appears depends on timing: the other run holds units, or units are free but its request is queued first.
    const waited = [a!, b!].map((r) => r.stderr).join('\n');
    expect(waited).toMatch(
      new RegExp(
        `build:\\w+ waits for the host engine lease: \\d of 2 units in use(?: by other tarmac runs|; queued behind other tarmac runs) \\(pid \\d+ env (${envA}|${envB}): build:\\w+ \\d`,
      ),
    );
  });
});
