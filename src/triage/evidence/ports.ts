// Port evidence: for each host port the env needs, whether something holds it now, and what (a container of
// the engine, by its published ports, or a host process).
import { createServer } from 'node:net';
import { obj, num, str, stringList } from '../../engines/json-fields.js';
import type { CommandResult } from '../../exec/types.js';
import { targetEvidence, type WantedPort } from '../../targets/evidence.js';
import type { PortFacts } from '../types.js';
import type { Collector } from './context.js';
import { portOwner } from './port-owner.js';
import { RawLog } from './raw-log.js';

/** The ports the env's target wants (kind config, podman state), tested by trying to listen on them. */
export const portsCollector: Collector<PortFacts> = {
  name: 'ports',
  applies: (ctx) => ctx.env !== undefined,
  async collect(ctx, signal) {
    const raw = new RawLog();
    const env = ctx.env;
    if (!env) return { data: { ports: [] }, raw: '' };
    const wanted = await targetEvidence(ctx.target ?? 'podman').wantedPorts(env);
    raw.note(`wanted: ${wanted.map((w) => `${w.address}:${w.port} (${w.wantedBy})`).join(', ') || 'none'}`);
    if (wanted.length === 0) return { data: { ports: [] }, raw: raw.text() };
    // Holders are named only when the engine answers; the listen test works without it.
    const engineUp = ctx.engine ? (await ctx.engineHealth()).ok : false;
    const ps =
      ctx.engine && engineUp
        ? await ctx.engine.exec(['ps', '--format', 'json'], { signal, timeoutMs: 4_000 })
        : undefined;
    if (ps) raw.result(ps);
    const holders = ps?.ok ? publishedPorts(ps) : new Map<number, string>();
    const free = await Promise.all(wanted.map((w) => canListen(w.port, w.address)));
    // A port no container publishes is held by a host process: name it from /proc.
    await Promise.all(
      wanted.map(async (w, i) => {
        if (free[i] || holders.has(w.port)) return;
        const owner = await portOwner(w.port);
        if (owner) holders.set(w.port, owner);
      }),
    );
    return { data: portFacts(wanted, free, holders, ps?.ok === true), raw: raw.text() };
  },
};

/** PortFacts from the wanted ports, whether each could be bound, and which container publishes which port. */
export function portFacts(
  wanted: WantedPort[],
  free: boolean[],
  holders: Map<number, string>,
  knowHolders: boolean,
): PortFacts {
  return {
    ports: wanted.map((w, i) => {
      const inUse = free[i] === false;
      const holder = holders.get(w.port);
      const by = !inUse
        ? undefined
        : (holder ?? (knowHolders ? 'a host process (no container publishes it)' : undefined));
      return {
        port: w.port,
        inUse,
        wantedBy: w.wantedBy,
        ...(by ? { by } : {}),
        ...(inUse ? { ours: holder !== undefined && w.owner !== '' && holder.startsWith(w.owner) } : {}),
      };
    }),
  };
}

/** Host port -> pod name (or container name) from `podman ps --format json`. */
export function publishedPorts(result: CommandResult): Map<number, string> {
  const out = new Map<number, string>();
  const parsed: unknown = JSON.parse(result.stdout.trim() || '[]');
  for (const entry of Array.isArray(parsed) ? parsed : []) {
    const c = obj(entry);
    const name = str(c.PodName) || stringList(c.Names)[0] || str(c.Id)?.slice(0, 12) || '?';
    for (const p of Array.isArray(c.Ports) ? c.Ports : []) {
      const port = num(obj(p).host_port);
      const range = num(obj(p).range) ?? 1;
      if (port !== undefined) for (let i = 0; i < range; i++) out.set(port + i, name);
    }
  }
  return out;
}

/** Whether the port can be bound right now on `address`. */
export function canListen(port: number, address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, address, () => server.close(() => resolve(true)));
  });
}
