// Connection evidence: podman's configured connections and CONTAINER_HOST / DOCKER_HOST, i.e. which engine
// service tarmac actually talks to.
import { obj, str } from '../../engines/json-fields.js';
import type { CommandResult } from '../../exec/types.js';
import type { ConnectionFacts } from '../types.js';
import type { Collector } from './context.js';
import { RawLog } from './raw-log.js';

/** `podman system connection list --format json` plus the host variables. */
export const connectionsCollector: Collector<ConnectionFacts> = {
  name: 'connections',
  applies: () => true,
  async collect(ctx, signal) {
    const raw = new RawLog();
    const hostEnv = hostVariable(ctx.processEnv, ctx.engine?.env);
    if (hostEnv) raw.note(hostEnv);
    if (ctx.engine?.name === 'docker')
      return { data: { connections: [], ...(hostEnv ? { hostEnv } : {}) }, raw: raw.text() };
    // Host-local: the list of configured connections is the same whichever one the engine uses.
    const args = ['system', 'connection', 'list', '--format', 'json'];
    const result = ctx.engine
      ? await ctx.engine.exec(args, { hostLocal: true, signal })
      : await ctx.runner('podman', args, { signal, env: {} });
    raw.result(result);
    if (!result.ok) throw new Error(result.stderr.trim().split('\n').at(-1) ?? `exit ${String(result.exitCode)}`);
    return { data: { connections: parseConnections(result), ...(hostEnv ? { hostEnv } : {}) }, raw: raw.text() };
  },
};

/** The connections of `podman system connection list --format json`. */
export function parseConnections(result: CommandResult): ConnectionFacts['connections'] {
  const parsed: unknown = JSON.parse(result.stdout.trim() || '[]');
  return (Array.isArray(parsed) ? parsed : []).map((entry) => {
    const c = obj(entry);
    return { name: str(c.Name) ?? '?', uri: str(c.URI) ?? '', isDefault: c.Default === true };
  });
}

/** `CONTAINER_HOST=...` or `DOCKER_HOST=...` as set for the engine or in the process environment. */
export function hostVariable(
  processEnv: NodeJS.ProcessEnv,
  engineEnv: Record<string, string> = {},
): string | undefined {
  for (const name of ['CONTAINER_HOST', 'DOCKER_HOST']) {
    const value = engineEnv[name] ?? processEnv[name];
    if (value) return `${name}=${value}`;
  }
  return undefined;
}
