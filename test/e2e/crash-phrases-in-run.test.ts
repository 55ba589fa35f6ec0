// Issue 14 part 4 against real podman: a RUN step that prints every engine-crash phrase and exits 1 is a build
// failure, not an engine crash. The build goes through a `podman system service` (CONTAINER_HOST), where the podman
// client itself adds a "Cannot connect to Podman" line: the run fails once with BUILD_FAILED, with no incident, no
// requeue and the capacity unchanged, and triage does not blame the engine.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envLabels } from '../../src/engines/labels.js';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { runCommand } from '../../src/exec/run-command.js';
import type { TriageResult } from '../../src/triage/types.js';
import { busyboxContext, startPodmanService, tempDir, untilServiceAnswers } from '../fixtures/engines/e2e-kit.js';
import { readJournal } from '../support/journal-checks.js';
import { removeEnvImages } from '../support/podman-query.js';
import { runTarmac, uniqueEnvName } from '../support/tarmac-cli.js';

const ENV = uniqueEnvName('crash-phrases');
const BUSYBOX = `localhost/tarmac-e2e-phrases-${process.pid}:busybox`;
const local = createPodmanEngine(runCommand);
const dir = tempDir('tarmac-e2e-phrases-');
const service = startPodmanService(dir);

/** Every phrase the engine-crash classifier ever matched, printed on stdout and stderr by the RUN step. */
const PHRASES = [
  'Error: server probably quit: unexpected EOF',
  'Error: unable to connect to Podman socket: Cannot connect to Podman',
  'curl: (7) Failed to connect to example.invalid port 80: Connection refused',
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  'error during connect: Get http://docker/v1.24/version',
  'Error: dial unix /run/podman/podman.sock: connect: connection refused',
];

function project(): string {
  const root = join(dir, 'project');
  mkdirSync(join(root, 'noisy'), { recursive: true });
  const script = [...PHRASES.map((p, i) => `echo '${p}'${i % 2 ? ' >&2' : ''}`), 'exit 1'].join('; ');
  writeFileSync(
    join(root, 'noisy', 'Containerfile'),
    `FROM ${BUSYBOX}\nRUN ["/bin/busybox", "sh", "-c", "${script}"]\n`,
  );
  const yaml = [`name: ${ENV}`, 'images:', '  - name: noisy', '    context: noisy', 'build:', '  capacity: 2'];
  writeFileSync(join(root, 'tarmac.yaml'), `${yaml.join('\n')}\n`);
  return root;
}

beforeAll(async () => {
  const built = await local.build({
    tag: BUSYBOX,
    contextDir: busyboxContext(dir),
    containerfile: join(dir, 'busybox', 'Containerfile'),
    args: {},
    labels: envLabels(ENV),
  });
  expect(built.ok).toBe(true);
  await untilServiceAnswers(service.url);
});

afterAll(async () => {
  await service.kill();
  await removeEnvImages(ENV);
  if (await local.imageExists(BUSYBOX)) await local.removeImage(BUSYBOX);
  rmSync(dir, { recursive: true, force: true });
});

describe('a RUN step that prints every engine-crash phrase and exits 1 (real podman service)', () => {
  it('fails once as BUILD_FAILED: no incident, no requeue, capacity unchanged; triage does not say engine-crash', async () => {
    const root = project();
    const result = await runTarmac(['build', '--plain', '-f', join(root, 'tarmac.yaml')], {
      env: { CONTAINER_HOST: service.url },
    });
    expect(result.exitCode, result.all).toBe(4);
    expect(result.stdout).toMatch(/\[BUILD_FAILED\] image noisy failed to build at STEP 2\/\d+: RUN/);

    const runs = join(root, '.tarmac', 'runs');
    const [runId] = readdirSync(runs);
    const events = readJournal(join(runs, runId ?? ''));
    // The step really printed the phrases (its log holds them), and the client's own lines were there too.
    const log = readFileSync(join(runs, runId ?? '', 'steps', 'build_noisy.log'), 'utf8');
    for (const phrase of PHRASES) expect(log).toContain(phrase);
    expect(events.filter((e) => e.type === 'incident')).toEqual([]);
    expect(events.filter((e) => e.type === 'step.started').map((e) => e.type === 'step.started' && e.attempt)).toEqual([
      1,
    ]);
    expect(events.filter((e) => e.type === 'step.finished' && e.state === 'failed')).toMatchObject([
      { stepId: 'build:noisy', error: { code: 'BUILD_FAILED' } },
    ]);
    // Capacity unchanged: every resource event reports the configured 2.
    const capacities = events.flatMap((e) => (e.type === 'resource' ? [e.capacity] : []));
    expect(capacities.length).toBeGreaterThan(0);
    expect(new Set(capacities)).toEqual(new Set([2]));
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', outcome: 'failed' });

    const triage = JSON.parse(readFileSync(join(runs, runId ?? '', 'triage.json'), 'utf8')) as TriageResult;
    expect(triage.verdicts.map((v) => v.ruleId)).not.toContain('engine-crash');
    expect(triage.verdicts[0]?.ruleId).not.toBe('engine-unreachable');
  });
});
