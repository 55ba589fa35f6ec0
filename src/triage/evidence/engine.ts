// Engine evidence: is it reachable (health under a hard timeout), hung, or refusing; its version, rootless mode,
// cgroup controllers, memory and storage roots from `info`.
import { obj, num, str, stringList } from '../../engines/json-fields.js';
import type { EngineHealth, EngineInfo } from '../../engines/types.js';
import type { EngineFacts } from '../types.js';
import { ENGINE_PROBE_MS, type Collector } from './context.js';
import { RawLog } from './raw-log.js';

/** `<engine> version` / `info` under a hard timeout. */
export const engineCollector: Collector<EngineFacts> = {
  name: 'engine',
  applies: () => true,
  // Two health probes when the first is silent (memoEngineHealth), then `info`: more than the default 6 s.
  timeoutMs: 2 * ENGINE_PROBE_MS + 1_000,
  async collect(ctx) {
    const raw = new RawLog();
    const engine = ctx.engine;
    if (!engine) {
      raw.note('no podman or docker binary on PATH');
      return {
        data: {
          name: 'podman',
          reachable: false,
          hung: false,
          probeMs: 0,
          error: 'no podman or docker binary on PATH',
        },
        raw: raw.text(),
      };
    }
    const infoPromise = ctx.engineInfo();
    const health = await ctx.engineHealth();
    raw.note(`$ ${engine.commandLine(['version', '--format', 'json'])}\n${health.detail} (${health.durationMs}ms)`);
    let info: EngineInfo | undefined;
    if (health.ok) {
      try {
        info = await infoPromise;
        raw.note(`$ ${engine.commandLine(['info', '--format', 'json'])}\n${JSON.stringify(info.raw, null, 2)}`);
      } catch (error) {
        raw.note(
          `$ ${engine.commandLine(['info', '--format', 'json'])}\n${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return { data: engineFacts(engine.name, health, info), raw: raw.text() };
  },
};

/** EngineFacts from a health probe and (when it answered) `info`; pure, for recorded outputs. */
export function engineFacts(
  name: EngineFacts['name'],
  health: EngineHealth,
  info: EngineInfo | undefined,
): EngineFacts {
  const hung = !health.ok && health.timedOut === true;
  const facts: EngineFacts = { name, reachable: health.ok, hung, probeMs: health.durationMs };
  if (!health.ok) return { ...facts, error: health.detail };
  const version = /^\S+ (\S+)/.exec(health.detail)?.[1];
  if (version) facts.version = version;
  if (!info) return facts;
  facts.version = info.version;
  facts.rootless = info.rootless;
  if (info.cpus !== undefined) facts.cpus = info.cpus;
  if (info.memTotalBytes !== undefined) facts.memTotalBytes = info.memTotalBytes;
  if (info.storageRoot !== undefined) facts.graphRoot = info.storageRoot;
  const raw = obj(info.raw);
  if (name === 'podman') {
    const host = obj(raw.host);
    const controllers = stringList(host.cgroupControllers);
    if (Array.isArray(host.cgroupControllers)) facts.cgroupControllers = controllers;
    const free = num(host.memFree);
    if (free !== undefined) facts.memFreeBytes = free;
    const tmp = str(obj(raw.store).imageCopyTmpDir);
    if (tmp) facts.tmpDir = tmp;
  }
  return facts;
}
