// The stand-in world a corpus case is replayed in: a one-image kind env, the runner answering the phase's failing
// command with the case's output (every other command succeeds quietly), and a kind target whose failing
// operation throws the error tarmac's own kind code builds from that output. Everything else is tarmac's real code.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../../config/types.js';
import { kindLogsDir, runDir } from '../../journal/run-dir.js';
import { createDockerEngine } from '../../engines/docker.js';
import { createPodmanEngine } from '../../engines/podman.js';
import type { ContainerEngine, EngineHealth } from '../../engines/types.js';
import {
  fakeResult,
  fakeRunner,
  type FakeAnswer,
  type FakeCall,
  type FakeRunner,
} from '../../exec/fake-runner.test-kit.js';
import type { CommandResult } from '../../exec/types.js';
import type { PodView, RenderedGroup } from '../../kube/types.js';
import { applyGroup } from '../../targets/kind/apply-group.js';
import { createFailedError } from '../../targets/kind/create-errors.js';
import { LoadFailedError } from '../../targets/kind/deliver-errors.js';
import type { KindDeps } from '../../targets/kind/kind-deps.js';
import { KindTools } from '../../targets/kind/kind-tools.js';
import type { ClusterTarget } from '../../targets/types.js';
import type { CorpusCase } from './corpus-case.js';
import { podView } from './replay-pod.js';
import { nodeLogs, visibleLines } from '../similar/visible-output.js';
import { DEFAULT_TIMEOUTS } from '../../config/schema.js';

export const IMAGE = 'app';
export const CLUSTER = 'replay-e2e';
export const REF = 'localhost/app:tm-0123456789ab';
export const REGISTRY = 'registry.example.test:5000';

/** The engine the case's source is about: docker for moby/docker reports, else podman. */
export function engineName(c: CorpusCase): 'podman' | 'docker' {
  return /moby|docker/i.test(`${c.source.repo ?? ''} ${c.source.url}`) && !/podman/i.test(c.output)
    ? 'docker'
    : 'podman';
}

/**
 * What the failing command returned: the visible output on stderr, the case's exit code (unknown: 1), or a timeout
 * for a command that never returned (see `neverReturned`).
 */
export function failingResult(c: CorpusCase): FakeAnswer {
  const stderr = visibleLines(c.output).join('\n');
  if (neverReturned(c)) return { exitCode: undefined, signal: 'SIGKILL', timedOut: true, timeoutMs: 5_000, stderr };
  return { exitCode: c.exitCode ?? 1, stderr };
}

/**
 * Words of a failure. A command that hangs prints no failure; one that printed a failure returned with it (an
 * `Error:` line, a refused or denied socket, a Go panic, a logrus `ERRO[0000]`), whatever its prefix or wording.
 */
const FAILURE_WORDS =
  /\b(errors?|ERRO|FATA|fatal|panic|cannot|can't|could not|couldn't|unable|denied|refused|failed|failure|no such|not found|invalid|timed? ?out|deadline)\b/i;

/**
 * Whether the case's command was cut off rather than exiting: 124 is `timeout`'s exit status, as tarmac's own
 * timeouts would cut it. A probe (`podman ps`, `docker info`) recorded without an exit code and without any word
 * of a failure never returned: the report shows what the reporter looked at instead (strace, ps), which is how a
 * hung engine is reported. A live probe of such an engine times out.
 */
export function neverReturned(c: CorpusCase): boolean {
  if (c.exitCode === 124) return true;
  return (
    c.phase === 'engine-probe' && c.exitCode === null && !visibleLines(c.output).some((l) => FAILURE_WORDS.test(l))
  );
}

const EMPTY_LIST = '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}';

/** A healthy engine as `health()` reports it (the probe answered quickly). */
export const HEALTHY: EngineHealth = {
  ok: true,
  detail: 'podman 5.4.2 (server 5.4.2) answered in 80ms',
  durationMs: 80,
};

/** The replay's env, engine, runner and target for one case. */
export interface ReplayWorld {
  env: Env;
  engine: ContainerEngine;
  runner: FakeRunner;
  target: ClusterTarget;
  group: RenderedGroup;
  /** PATH with a `podman`/`docker` file, so engine detection finds the binary and then asks it through the runner. */
  path: string;
  /** The temp dir holding the project, PATH dir and state (removed after the replay). */
  root: string;
}

/** The answer of every command for the case: the phase's failing command gets the case's output. */
function answer(c: CorpusCase): (call: FakeCall) => FakeAnswer {
  // The image exists once a build or a pull succeeded (the executors verify that).
  let present = false;
  return (call) => {
    const verb = call.args.find((a) => !a.startsWith('-'));
    const fails =
      (c.phase === 'build' && verb === 'build') ||
      (c.phase === 'push' && verb === 'push') ||
      (c.phase === 'pull' && verb === 'pull') ||
      (c.phase === 'engine-probe' && (verb === 'version' || verb === 'info')) ||
      (c.phase === 'test' && call.cmd === 'replay-test') ||
      (c.phase === 'deploy' && call.cmd === 'kubectl' && call.args.includes('apply'));
    if (fails) return failingResult(c);
    if (verb === 'build' || verb === 'pull') present = true;
    // `image exists` / `inspect`: not there before it is built or pulled: exit 1 without output, as podman says it.
    if (verb === 'image' || verb === 'inspect') return { exitCode: present ? 0 : 1 };
    if (verb === 'version') return { stdout: '{"Client":{"Version":"5.4.2"},"Server":{"Version":"5.4.2"}}' };
    if (call.cmd === 'kubectl' && call.args.includes('apply')) return { stdout: `deployment.apps/${IMAGE} created` };
    // kubectl prints a List even when there is nothing to list.
    if (call.cmd === 'kubectl' && call.args.includes('get')) return { stdout: EMPTY_LIST };
    return {};
  };
}

/** Creates the world on disk (a project dir with a Containerfile, a PATH dir) for one case. */
export function replayWorld(c: CorpusCase, root = mkdtempSync(join(tmpdir(), 'tarmac-replay-'))): ReplayWorld {
  const project = join(root, 'project');
  const bin = join(root, 'bin');
  mkdirSync(project, { recursive: true });
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(project, 'Containerfile'), 'FROM scratch\n');
  const name = engineName(c);
  writeFileSync(join(bin, name), '#!/bin/sh\nexit 1\n');
  chmodSync(join(bin, name), 0o755);
  if (c.phase !== 'engine-probe') writeNodeLogs(c, join(root, 'state'));
  const runner = fakeRunner(answer(c));
  const engine = name === 'docker' ? createDockerEngine(runner) : createPodmanEngine(runner);
  const env = replayEnv(root, project, name, c.phase === 'push' || c.phase === 'pull');
  const group: RenderedGroup = {
    name: IMAGE,
    objects: [
      {
        object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: IMAGE } },
        file: 'k8s/app.yaml',
        line: 1,
      },
    ],
    waitFor: [{ kind: 'Deployment', name: IMAGE }],
    images: [IMAGE],
  };
  return { env, engine, runner, target: replayTarget(c, env, engine, runner), group, path: bin, root };
}

/** Where the failed run's `kind export logs` went (the create's salvage and the kindLogs collector write there). */
export function replayLogsDir(stateDir: string): string {
  return kindLogsDir(runDir(stateDir, 'replay'));
}

/** The node's exported logs as `kind export logs` would write them: the case's journal lines of the node's daemons. */
function writeNodeLogs(c: CorpusCase, stateDir: string): void {
  const files = nodeLogs(c.output);
  if (files.size === 0) return;
  const node = join(replayLogsDir(stateDir), `${CLUSTER}-control-plane`);
  mkdirSync(node, { recursive: true });
  for (const [name, lines] of files) writeFileSync(join(node, name), `${lines.join('\n')}\n`);
}

function replayEnv(root: string, project: string, engine: 'podman' | 'docker', registry: boolean): Env {
  return {
    name: CLUSTER,
    file: join(project, 'tarmac.yaml'),
    dir: project,
    stateDir: join(root, 'state'),
    historyPath: join(root, 'state', 'history.db'),
    engine: { type: engine },
    images: [
      {
        name: IMAGE,
        contextDir: project,
        containerfile: join(project, 'Containerfile'),
        args: {},
        weight: 1,
        dependsOn: [],
      },
    ],
    cluster: { target: 'kind', name: CLUSTER, reuse: 'healthy' },
    deploy: [{ name: IMAGE, manifests: [join(project, 'k8s')], after: [] }],
    test: { command: ['replay-test'], env: {}, timeoutMs: 600_000, cwd: project },
    capacity: 2,
    // deploy: short, so a pod that never gets ready ends the replay within about a second (the message says so).
    timeouts: { ...DEFAULT_TIMEOUTS, deploy: 3_000, test: 600_000, heartbeat: 3_600_000 },
    ...(registry ? { registry: { url: REGISTRY, push: true, pull: true, insecure: true } } : {}),
  };
}

const READY_POD: PodView = {
  name: 'app-7d4b9c6f5d-x2x9k',
  owner: { kind: 'Deployment', name: IMAGE },
  phase: 'Running',
  conditions: [{ type: 'Ready', status: 'True' }],
  containers: [{ name: IMAGE, image: REF, ready: true, restartCount: 0, state: { running: {} } }],
};

/** The kind target: cluster create, image load and apply fail the way tarmac's kind code reports the case's output. */
function replayTarget(c: CorpusCase, env: Env, engine: ContainerEngine, runner: FakeRunner): ClusterTarget {
  const result = (): CommandResult => fakeResult({ command: `kind ${c.phase}`, ...failingResult(c) });
  // Past the deploy phase the app is up: one ready pod.
  const pods = c.pod ? [podView(c.pod, c.output)] : c.phase === 'deploy' ? [] : [READY_POD];
  const tools = new KindTools(runner, engine, join(env.stateDir, 'kubeconfig'));
  // applyGroup reads only the run id, the env (its name labels the namespaces it creates) and the tools of the kind deps.
  const kind = { runId: 'replay', tools, env } as Pick<KindDeps, 'runId' | 'tools' | 'env'> as KindDeps;
  return {
    type: 'kind',
    name: CLUSTER,
    // A failed `up` never asks for the status or a teardown.
    status: () => Promise.reject(new Error('status is not part of a replay')),
    ensure: () => {
      if (c.phase !== 'cluster-create') return Promise.resolve({ action: 'created', reason: 'no cluster existed' });
      throw createFailedError(result(), {
        cluster: CLUSTER,
        logs: replayLogsDir(env.stateDir),
        cleanup: 'the nodes it left were deleted',
      });
    },
    hasImage: () => Promise.resolve(false),
    deliver: (ref, ctx) => {
      if (c.phase !== 'image-load') return Promise.resolve('delivered');
      for (const line of visibleLines(c.output)) ctx.output(line);
      throw new LoadFailedError(ref, CLUSTER, result());
    },
    apply: (group, ctx) => (c.pod ? Promise.resolve() : applyGroup(kind, group, ctx)),
    pods: () => Promise.resolve(pods),
    endpoints: () => Promise.resolve({}),
    testEnv: () => ({}),
    down: () => Promise.reject(new Error('down is not part of a replay')),
  };
}
