// The example's services and its e2e suite, verified with plain podman (no tarmac): build the four
// images from local files, run the three services on a podman network with DNS aliases, call them
// from the host and run examples/aianalysis/e2e/suite.mjs against the published ports.
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanupByLabel,
  ensurePodmanConf,
  exampleDir,
  hasPodman,
  labelArgs,
  prepareExample,
  uniqueName,
} from '../support/podman-env.js';
import { waitForHttp } from '../support/wait-http.js';

const label = uniqueName('example-services');
const services = ['datastorage', 'holmesgpt-api', 'aianalysis'] as const;
type Service = (typeof services)[number];
const WORK = 3; // the heavy step's rounds: real hashing, kept small so the test stays fast
const urls = {} as Record<Service, string>;
let podmanEnv: Record<string, string> = {};

// Runs podman with the env this machine needs; throws with the output on failure.
async function podman(args: string[]): Promise<string> {
  const r = await execa('podman', args, { env: podmanEnv, reject: false, all: true });
  if (r.exitCode !== 0) throw new Error(`podman ${args.join(' ')} exited ${r.exitCode}:\n${r.all}`);
  return r.stdout.trim();
}

const tag = (image: string) => `localhost/${label}-${image}:test`;

// Runs the example's suite against the running services; returns the exit code, output and JUnit XML.
async function runSuite(): Promise<{ exitCode: number | undefined; output: string; xml: string }> {
  const junit = join(mkdtempSync(join(tmpdir(), `${label}-`)), 'results.xml');
  const r = await execa('node', ['e2e/suite.mjs'], {
    cwd: exampleDir,
    reject: false,
    all: true,
    env: {
      JUNIT_FILE: junit,
      TARMAC_SERVICE_DATASTORAGE: urls.datastorage,
      TARMAC_SERVICE_HOLMESGPT_API: urls['holmesgpt-api'],
      TARMAC_SERVICE_AIANALYSIS: urls.aianalysis,
    },
  });
  return { exitCode: r.exitCode, output: r.all, xml: readFileSync(junit, 'utf8') };
}

const digests = new Map<number, string>();
// The digest heavy-work.sh computes: WORK rounds of sha256("<previous>\n" + `seq 1 1000000`).
function expectedDigest(work: number): string {
  const known = digests.get(work);
  if (known) return known;
  const block = Array.from({ length: 1_000_000 }, (_, i) => `${i + 1}\n`).join('');
  let digest = 'seed';
  for (let i = 0; i < work; i++) digest = createHash('sha256').update(`${digest}\n`).update(block).digest('hex');
  digests.set(work, digest);
  return digest;
}

const podmanHere = await hasPodman();

// On CI podman is required; elsewhere a machine without it skips these tests instead of failing.
describe.skipIf(!podmanHere && process.env.CI !== 'true')('examples/aianalysis services on plain podman', () => {
  beforeAll(async () => {
    podmanEnv = await ensurePodmanConf();
    await prepareExample();
    await podman(['build', '-q', '--layers=false', ...labelArgs(label), '-t', tag('base'), join(exampleDir, 'base')]);
    for (const name of services) {
      const args = [
        '--build-arg',
        `TARMAC_IMAGE_BASE=${tag('base')}`,
        ...(name === 'holmesgpt-api' ? ['--build-arg', `WORK=${WORK}`] : []),
      ];
      await podman([
        'build',
        '-q',
        '--layers=false',
        ...labelArgs(label),
        ...args,
        '-t',
        tag(name),
        join(exampleDir, name),
      ]);
    }
    await podman(['network', 'create', ...labelArgs(label), label]);
    for (const name of services) {
      // Inside the network each service is reachable by its Service name, as in the cluster.
      await podman([
        'run',
        '-d',
        ...labelArgs(label),
        '--name',
        `${label}-${name}`,
        '--network',
        label,
        '--network-alias',
        name,
        '-p',
        '127.0.0.1::8080',
        tag(name),
      ]);
      urls[name] = `http://${await podman(['port', `${label}-${name}`, '8080/tcp'])}`;
    }
    await Promise.all(services.map((name) => waitForHttp(`${urls[name]}/health`)));
  });

  afterAll(async () => {
    await cleanupByLabel(label);
  });

  it('runs the heavy build step for real: the image holds the chained digest of WORK rounds', async () => {
    const model = JSON.parse(
      await podman([
        'run',
        '--rm',
        ...labelArgs(label),
        tag('holmesgpt-api'),
        '/bin/busybox',
        'cat',
        '/opt/holmesgpt/model.json',
      ]),
    ) as { work: number; digest: string };
    expect(model).toEqual({ work: WORK, digest: expectedDigest(WORK) });
  });

  it('aianalysis combines a record from datastorage with holmesgpt-api, reached by network alias', async () => {
    const id = `rec-${label}`;
    const stored = await fetch(`${urls.datastorage}/cgi-bin/records?id=${id}`, {
      method: 'POST',
      body: '{"alert":"PodCrashLooping"}',
    });
    expect(stored.status).toBe(201);
    const res = await fetch(`${urls.aianalysis}/cgi-bin/analyze?id=${id}`);
    const body = (await res.json()) as { record: unknown; investigation: { alert: string; model: { digest: string } } };
    expect(res.status).toBe(200);
    expect(body.record).toEqual({ id, data: { alert: 'PodCrashLooping' } });
    expect(body.investigation.alert).toBe(id);
    expect(body.investigation.model.digest).toBe(expectedDigest(WORK));
  });

  it('the example e2e suite passes against the running services and writes JUnit XML', async () => {
    const { exitCode, output, xml } = await runSuite();
    expect(exitCode, output).toBe(0);
    expect(xml).toMatch(/<testsuite name="aianalysis-e2e" tests="7" failures="0"/);
    expect(xml.match(/<testcase /g)).toHaveLength(7);
  });

  it('the suite fails (exit 1) naming the checks that need a stopped backend', async () => {
    await podman(['stop', '-t', '0', `${label}-holmesgpt-api`]);
    const { exitCode, output, xml } = await runSuite();
    expect(exitCode, output).toBe(1);
    expect(xml).toMatch(/tests="7" failures="3"/);
    for (const name of [
      'holmesgpt-api is healthy',
      'holmesgpt-api serves the digest its heavy build computed',
      'aianalysis combines a datastorage record with a holmesgpt-api investigation',
    ]) {
      expect(xml).toContain(`<testcase classname="aianalysis.e2e" name="${name}"`);
    }
    expect(xml).toMatch(/name="datastorage is healthy" time="[\d.]+"\/>/);
  });

  it('cleanup removes exactly what this test labelled', async () => {
    const decoy = uniqueName('example-decoy');
    await podman(['network', 'create', ...labelArgs(decoy), decoy]);
    try {
      const removed = await cleanupByLabel(label);
      expect(removed.containers).toHaveLength(3);
      expect(removed.networks).toEqual([label]);
      expect(removed.images.length).toBeGreaterThanOrEqual(4);
      expect(await podman(['ps', '-a', '-q', '--filter', `label=io.tarmac.env=${label}`])).toBe('');
      expect(await podman(['network', 'ls', '-q', '--filter', `label=io.tarmac.env=${decoy}`])).toBe(decoy);
    } finally {
      await cleanupByLabel(decoy);
    }
  });
});
