// Shared setup for the kind target's e2e tests: an Env, a recording CommandRunner that puts the kind/kubectl
// stand-ins first on PATH (plus any injection variables), a real podman engine, and cleanup.
import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../../src/config/types.js';
import { createPodmanEngine } from '../../src/engines/podman.js';
import { runCommand } from '../../src/exec/run-command.js';
import type { CommandOptions, CommandRunner } from '../../src/exec/types.js';
import { createKindTarget } from '../../src/targets/kind/index.js';
import type { ClusterTarget, TargetContext } from '../../src/targets/types.js';
import { removeStandinEnv, standinEnv, type StandinEnv } from '../fixtures/standins/support.js';

export interface Call {
  cmd: string;
  args: string[];
  env: Record<string, string | undefined>;
}

/** A CommandRunner over the real one whose processes see the stand-ins (and `extra`); it records every call. */
export function standinRunner(base: StandinEnv, extra: Record<string, string> = {}): CommandRunner & { calls: Call[] } {
  const calls: Call[] = [];
  const runner = (cmd: string, args: readonly string[], options: CommandOptions = {}) => {
    const env = { ...base, ...extra, ...options.env };
    calls.push({ cmd, args: [...args], env });
    return runCommand(cmd, args, { ...options, env });
  };
  return Object.assign(runner, { calls });
}

/** A normalised Env for a kind target named `cluster`. */
export function kindEnv(name: string, cluster: string, stateDir: string, overrides: Partial<Env['cluster']> = {}): Env {
  return {
    name,
    file: join(stateDir, '..', 'tarmac.yaml'),
    dir: join(stateDir, '..'),
    stateDir,
    historyPath: join(stateDir, 'history.db'),
    engine: { type: 'podman' },
    images: [],
    cluster: { target: 'kind', name: cluster, reuse: 'healthy', ...overrides },
    deploy: [],
    capacity: 1,
    timeouts: {
      build: 60_000,
      cluster: 90_000,
      deliver: 60_000,
      deploy: 60_000,
      test: 60_000,
      stall: 30_000,
      heartbeat: 15_000,
      engineRecovery: 120_000,
    },
  };
}

/** Everything one test file needs: a private HOME (to prove ~/.kube/config is untouched), a state dir, an env. */
export function kindFixture(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const home = join(root, 'home');
  const stateDir = join(root, 'project', '.tarmac');
  const base = standinEnv({ HOME: home });
  return {
    root,
    home,
    stateDir,
    base,
    /** A target over a fresh recording runner; `extra` adds stand-in injection variables. */
    target(
      env: Env,
      options: {
        extra?: Record<string, string>;
        createTimeoutMs?: number;
        runId?: string;
        sleep?: (ms: number) => Promise<void>;
        /** For endpoints(): the forwards run until it aborts, and say what happens to them through notify. */
        lifetime?: AbortSignal;
        notify?: (line: string) => void;
      } = {},
    ): { target: ClusterTarget; runner: CommandRunner & { calls: Call[] } } {
      const runner = standinRunner(base, options.extra);
      const engine = createPodmanEngine(runner);
      const target = createKindTarget({
        env,
        runner,
        engine,
        stateDir,
        runId: options.runId ?? 'test-run',
        createTimeoutMs: options.createTimeoutMs ?? 90_000,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.lifetime ? { lifetime: options.lifetime } : {}),
        ...(options.notify ? { notify: options.notify } : {}),
      });
      return { target, runner };
    },
    cleanup(): void {
      removeStandinEnv(base);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A TargetContext collecting output lines. */
export function context(signal: AbortSignal = new AbortController().signal): TargetContext & { lines: string[] } {
  const lines: string[] = [];
  return { signal, output: (line: string) => lines.push(line), lines };
}

/** The calls of one kind subcommand, e.g. kindCalls(calls, 'create', 'cluster'). */
export function kindCalls(calls: readonly Call[], ...subcommand: string[]): Call[] {
  return calls.filter((c) => c.cmd === 'kind' && subcommand.every((word, i) => c.args[i] === word));
}

/** Pids of `kubectl port-forward` processes on this kubeconfig whose command line contains `word`. */
export async function forwardPids(kubeconfig: string, word: string): Promise<string[]> {
  const { stdout } = await execa('ps', ['-eo', 'pid=,args=']);
  return stdout
    .split('\n')
    .filter((l) => l.includes(kubeconfig) && l.includes(' port-forward ') && l.includes(word))
    .map((l) => l.trim().split(/\s+/)[0] ?? '');
}

/** A real HTTP server on 127.0.0.1 answering `body`: what the kubectl stand-in's port-forward reaches. */
export async function localBackend(body: string): Promise<{ address: string; close: () => void }> {
  const server = createServer((_, res) => res.end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}
