// Triage end to end on real podman (podman target): each failure is produced for real, `tarmac up` fails, and the
// automatic triage's triage.json has the right verdict on top, within 15 s of the failure.
import { execa } from 'execa';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBase, lastRun, scenarioProjects, up, verdictDelayMs } from './triage-scenario-kit.js';

const LABEL = `io.tarmac.test=triage-deploy-${process.pid}`;
const BASE = `localhost/tarmac-triage-deploy-${process.pid}:busybox`;
const servers: Server[] = [];

const projects = scenarioProjects(BASE);
// Every scenario here differs only in its container.
const make = (prefix: string, container: Record<string, unknown>) => projects.make(prefix, { container });

beforeAll(async () => {
  await buildBase(BASE, LABEL);
});
afterAll(async () => {
  for (const s of servers) s.close();
  await projects.removeAll();
  await execa('podman', ['rmi', '-f', BASE], { reject: false });
});

describe('triage after a failed up (real podman)', () => {
  it('a crash-looping pod (exit 2): crash-loop on top, with the exit code and the log tail', async () => {
    const { dir } = make('tri-crash', {
      command: ['/bin/busybox', 'sh', '-c', 'echo "exec: --: invalid option"; exit 2'],
    });
    const r = await up(dir);
    expect(r.exitCode, r.all).toBe(4);
    const { events, triage } = lastRun(dir);
    expect(triage?.verdicts[0]?.ruleId, JSON.stringify(triage, null, 1)).toBe('crash-loop');
    expect(triage!.verdicts[0]!.summary).toMatch(/exits with code 2/);
    expect(triage!.verdicts[0]!.evidence.join('\n')).toMatch(/invalid option/);
    expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
  });

  it('a manifest referencing an image that does not exist: image-not-local on top, naming it', async () => {
    const { dir } = make('tri-noimg', { image: 'localhost/tarmac-no-such-image:1', imagePullPolicy: 'Never' });
    const r = await up(dir);
    expect(r.exitCode, r.all).toBe(4);
    const { events, triage } = lastRun(dir);
    expect(triage?.verdicts[0]?.ruleId, JSON.stringify(triage, null, 1)).toBe('image-not-local');
    expect(triage!.verdicts[0]!.summary).toMatch(/localhost\/tarmac-no-such-image:1/);
    expect(triage!.verdicts[0]!.actions[0]).toBe('podman image inspect localhost/tarmac-no-such-image:1');
    expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
  });

  it('a host port in use: host-port-in-use on top, naming the port', async () => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const { dir } = make('tri-port', {
      command: ['/bin/busybox', 'sleep', '600'],
      ports: [{ containerPort: 8080, hostPort: port, hostIP: '127.0.0.1' }],
    });
    const r = await up(dir);
    expect(r.exitCode, r.all).toBe(4);
    const { events, triage } = lastRun(dir);
    expect(triage?.verdicts[0]?.ruleId, JSON.stringify(triage, null, 1)).toBe('host-port-in-use');
    expect(triage!.verdicts[0]!.summary).toMatch(new RegExp(`Host port ${port} is already in use`));
    expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
  });

  it("an invented failure no rule knows (a foreign pod holds the env's pod name): unclassified, with the evidence", async () => {
    const { env, dir } = make('tri-unk', { command: ['/bin/busybox', 'sleep', '600'] });
    await execa('podman', ['pod', 'create', '--name', `tarmac-${env}-app`, '--label', LABEL]);
    const r = await up(dir);
    expect(r.exitCode, r.all).toBe(4);
    const { events, triage } = lastRun(dir);
    expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
    expect(triage?.verdicts, JSON.stringify(triage, null, 1)).toEqual([]);
    expect(triage?.unclassified?.summary).toMatch(/No known failure mode matches/);
    expect(triage?.unclassified?.abnormal.join('\n')).toMatch(/POD_NAME_TAKEN/);
  });
});
