// Finds the container engine to use and explains the choice: every strategy that applies is
// probed in parallel, the first healthy one in order wins, and each outcome becomes one line.
import type { Env } from '../config/types.js';
import { ExitCode, TarmacError } from '../errors/errors.js';
import type { CommandRunner } from '../exec/types.js';
import { engineHint } from './engine-error.js';
import { detectionKey, recallDetection, rememberDetection, type DetectionMemory } from './detect-memory.js';
import { findOnPath } from './find-on-path.js';
import { autoStrategies, configuredStrategy, type EngineStrategy } from './strategies.js';
import { sleep } from '../watch/timeout.js';
import type { ContainerEngine, EngineHealth } from './types.js';

export interface DetectDeps {
  runner: CommandRunner;
  env: NodeJS.ProcessEnv;
  /** Hard timeout of each health probe (default 10s). */
  healthTimeoutMs?: number;
  /** Where a local podman's answer is remembered for a few minutes (detect-memory.ts); without it, always probe. */
  memory?: DetectionMemory;
}

export interface Detection {
  engine: ContainerEngine;
  /** One line per strategy: what was tried and what came of it. */
  explanation: string[];
}

const DEFAULT_HEALTH_TIMEOUT_MS = 10_000;
/** How long to let the remaining probes finish once a winner is known, so their outcome is explained. */
const SETTLE_MS = 1000;

interface Probe {
  strategy: EngineStrategy;
  path: string | undefined;
  engine: ContainerEngine | undefined;
  health: EngineHealth | undefined;
  settled: boolean;
  done: Promise<void>;
  controller: AbortController;
}

/** Picks the engine for `config`; throws ENGINE_NOT_FOUND / ENGINE_UNREACHABLE (exit 3) listing every attempt. */
export async function detectEngine(config: Env['engine'], deps: DetectDeps): Promise<Detection> {
  const explicit = config.type !== 'auto';
  const all =
    config.type === 'auto'
      ? autoStrategies(config, deps.runner, deps.env)
      : [configuredStrategy({ ...config, type: config.type }, deps.runner)];
  const applicable = all.filter((s) => s.applies(deps.env));
  const remembering = deps.memory && memorable(applicable[0], config, deps.env);
  if (deps.memory && remembering) {
    const kept = recallDetection(deps.memory, remembering.key, remembering.strategy.name);
    if (kept) return { engine: remembering.strategy.create(), explanation: recalled(kept, deps.memory) };
  }
  const probes = applicable.map((s) => startProbe(s, deps));

  let winner: Probe | undefined;
  for (const probe of probes) {
    await probe.done;
    if (probe.health?.ok) {
      winner = probe;
      break;
    }
  }
  if (winner !== undefined) await settleOthers(probes);
  // One line per strategy, in order of preference.
  const explanation = all.map((s) => {
    const probe = probes.find((p) => p.strategy === s);
    return probe === undefined ? `${s.name}: skipped, ${s.notApplicable}` : explain(probe, winner);
  });

  // Only the first strategy's answer is kept: a later one won because an earlier one failed, which may change.
  if (deps.memory && remembering && winner === probes[0] && winner?.health?.ok && !winner.health.server)
    rememberDetection(deps.memory, { key: remembering.key, strategy: remembering.strategy.name, explanation });
  if (winner?.engine !== undefined) return { engine: winner.engine, explanation };
  throw noEngine(explicit, probes, explanation);
}

// The first applicable strategy and its key, when its answer may be remembered: podman (docker always has a
// daemon), found on PATH. Whether a server answered is known only after the probe.
function memorable(
  first: EngineStrategy | undefined,
  config: Env['engine'],
  env: NodeJS.ProcessEnv,
): { strategy: EngineStrategy; key: string } | undefined {
  if (first?.bin !== 'podman') return undefined;
  const path = findOnPath(first.bin, env);
  const key = path === undefined ? undefined : detectionKey(config, env, path);
  return key === undefined ? undefined : { strategy: first, key };
}

// The explanation of a remembered answer: the one given then, and how old it is.
function recalled(kept: { at: number; explanation: string[] }, memory: DetectionMemory): string[] {
  const ageS = Math.round(((memory.now ?? Date.now)() - kept.at) / 1000);
  return [
    ...kept.explanation,
    `(remembered from a detection ${ageS}s ago: the same podman binary and settings, and only the binary answered)`,
  ];
}

function startProbe(strategy: EngineStrategy, deps: DetectDeps): Probe {
  const probe: Probe = {
    strategy,
    path: findOnPath(strategy.bin, deps.env),
    engine: undefined,
    health: undefined,
    settled: false,
    done: Promise.resolve(),
    controller: new AbortController(),
  };
  if (probe.path !== undefined) {
    const engine = strategy.create();
    probe.engine = engine;
    probe.done = engine
      .health(deps.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS, probe.controller.signal)
      .then((health) => {
        probe.health = health;
      });
  }
  void probe.done.then(() => (probe.settled = true));
  return probe;
}

/** Gives the probes after the winner a moment to finish, then stops them. */
async function settleOthers(probes: Probe[]): Promise<void> {
  const settled = new AbortController();
  await Promise.race([Promise.all(probes.map((p) => p.done)), sleep(SETTLE_MS, settled.signal)]);
  settled.abort();
  for (const probe of probes) if (!probe.settled) probe.controller.abort();
}

function explain(probe: Probe, winner: Probe | undefined): string {
  const { strategy, path, health } = probe;
  if (path === undefined) return `${strategy.name}: ${strategy.bin} not found on PATH`;
  if (!probe.settled || health === undefined)
    return `${strategy.name}: found ${path}; not waited for, ${winner?.strategy.name ?? 'another engine'} was chosen first`;
  if (health.ok)
    return probe === winner
      ? `${strategy.name}: found ${path}, ${health.detail} -> chosen`
      : `${strategy.name}: found ${path}, ${health.detail}; not chosen, ${winner?.strategy.name} comes first`;
  const who =
    strategy.bin === 'docker'
      ? `client found at ${path} but the daemon did not answer`
      : `found ${path} but it did not answer`;
  return `${strategy.name}: ${who}: ${health.detail}`;
}

function noEngine(explicit: boolean, probes: Probe[], explanation: string[]): TarmacError {
  const only = probes[0];
  if (explicit && only !== undefined) {
    const missing = only.path === undefined;
    return new TarmacError(
      missing ? 'ENGINE_NOT_FOUND' : 'ENGINE_UNREACHABLE',
      missing
        ? `${only.strategy.bin} is configured in tarmac.yaml but not installed`
        : `${only.strategy.bin} is configured in tarmac.yaml but does not answer`,
      {
        exitCode: ExitCode.environment,
        details: explanation,
        hint: missing
          ? `Install ${only.strategy.bin}, or set engine.type: auto in tarmac.yaml to use whatever engine works.`
          : `${engineHint(only.strategy.bin, 'ENGINE_UNREACHABLE') ?? ''} Or set engine.type: auto in tarmac.yaml to use whatever engine works.`,
      },
    );
  }
  return new TarmacError('ENGINE_NOT_FOUND', 'No working container engine found', {
    exitCode: ExitCode.environment,
    details: explanation,
    hint: 'Install podman (https://podman.io/docs/installation), start it (`podman machine start` on macOS/Windows), or point CONTAINER_HOST / DOCKER_HOST at a running engine.',
  });
}
