import { ExitCode, TarmacError } from "../errors/errors.js";
import { engineHint } from "./engine-error.js";
import { findOnPath } from "./find-on-path.js";
import { autoStrategies, configuredStrategy } from "./strategies.js";
import { sleep } from "../watch/timeout.js";
const DEFAULT_HEALTH_TIMEOUT_MS = 1e4;
const SETTLE_MS = 1e3;
async function detectEngine(config, deps) {
  const explicit = config.type !== "auto";
  const all = config.type === "auto" ? autoStrategies(config, deps.runner, deps.env) : [configuredStrategy({ ...config, type: config.type }, deps.runner)];
  const probes = all.filter((s) => s.applies(deps.env)).map((s) => startProbe(s, deps));
  let winner;
  for (const probe of probes) {
    await probe.done;
    if (probe.health?.ok) {
      winner = probe;
      break;
    }
  }
  if (winner !== void 0) await settleOthers(probes);
  const explanation = all.map((s) => {
    const probe = probes.find((p) => p.strategy === s);
    return probe === void 0 ? `${s.name}: skipped, ${s.notApplicable}` : explain(probe, winner);
  });
  if (winner?.engine !== void 0) return { engine: winner.engine, explanation };
  throw noEngine(explicit, probes, explanation);
}
function startProbe(strategy, deps) {
  const probe = {
    strategy,
    path: findOnPath(strategy.bin, deps.env),
    engine: void 0,
    health: void 0,
    settled: false,
    done: Promise.resolve(),
    controller: new AbortController()
  };
  if (probe.path !== void 0) {
    const engine = strategy.create();
    probe.engine = engine;
    probe.done = engine.health(deps.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS, probe.controller.signal).then((health) => {
      probe.health = health;
    });
  }
  void probe.done.then(() => probe.settled = true);
  return probe;
}
async function settleOthers(probes) {
  const settled = new AbortController();
  await Promise.race([Promise.all(probes.map((p) => p.done)), sleep(SETTLE_MS, settled.signal)]);
  settled.abort();
  for (const probe of probes) if (!probe.settled) probe.controller.abort();
}
function explain(probe, winner) {
  const { strategy, path, health } = probe;
  if (path === void 0) return `${strategy.name}: ${strategy.bin} not found on PATH`;
  if (!probe.settled || health === void 0)
    return `${strategy.name}: found ${path}; not waited for, ${winner?.strategy.name ?? "another engine"} was chosen first`;
  if (health.ok)
    return probe === winner ? `${strategy.name}: found ${path}, ${health.detail} -> chosen` : `${strategy.name}: found ${path}, ${health.detail}; not chosen, ${winner?.strategy.name} comes first`;
  const who = strategy.bin === "docker" ? `client found at ${path} but the daemon did not answer` : `found ${path} but it did not answer`;
  return `${strategy.name}: ${who}: ${health.detail}`;
}
function noEngine(explicit, probes, explanation) {
  const only = probes[0];
  if (explicit && only !== void 0) {
    const missing = only.path === void 0;
    return new TarmacError(
      missing ? "ENGINE_NOT_FOUND" : "ENGINE_UNREACHABLE",
      missing ? `${only.strategy.bin} is configured in tarmac.yaml but not installed` : `${only.strategy.bin} is configured in tarmac.yaml but does not answer`,
      {
        exitCode: ExitCode.environment,
        details: explanation,
        hint: missing ? `Install ${only.strategy.bin}, or set engine.type: auto in tarmac.yaml to use whatever engine works.` : `${engineHint(only.strategy.bin, "ENGINE_UNREACHABLE") ?? ""} Or set engine.type: auto in tarmac.yaml to use whatever engine works.`
      }
    );
  }
  return new TarmacError("ENGINE_NOT_FOUND", "No working container engine found", {
    exitCode: ExitCode.environment,
    details: explanation,
    hint: "Install podman (https://podman.io/docs/installation), start it (`podman machine start` on macOS/Windows), or point CONTAINER_HOST / DOCKER_HOST at a running engine."
  });
}
export {
  detectEngine
};
//# sourceMappingURL=detect.js.map
