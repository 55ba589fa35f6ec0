// Podman machine evidence: the VMs `podman machine list` knows and their state. On Linux podman runs natively
// and there is none (as root podman even refuses the command): exists false.
import { num, obj, str } from '../../engines/json-fields.js';
import type { CommandResult } from '../../exec/types.js';
import type { MachineFacts } from '../types.js';
import type { Collector } from './context.js';
import { RawLog } from './raw-log.js';

/** `podman machine list --format json`. */
export const machineCollector: Collector<MachineFacts> = {
  name: 'machine',
  applies: (ctx) => ctx.engine?.name !== 'docker',
  async collect(ctx, signal) {
    const raw = new RawLog();
    // Why host-local: `--url`/`--connection` select a service, and machines are local VMs whatever the service.
    const args = ['machine', 'list', '--format', 'json'];
    const result = ctx.engine
      ? await ctx.engine.exec(args, { hostLocal: true, signal })
      : await ctx.runner('podman', args, { signal, env: {} });
    raw.result(result);
    return { data: parseMachineList(result), raw: raw.text() };
  },
};

/** MachineFacts from `podman machine list --format json`; throws on an error that is not "no machines here". */
export function parseMachineList(result: CommandResult): MachineFacts {
  if (!result.ok) {
    // podman on Linux as root: `Error: cannot run command "podman machine list" as root`.
    if (/as root|not supported|unknown command|unrecognized command/i.test(result.stderr))
      return { exists: false, machines: [] };
    throw new Error(result.stderr.trim().split('\n').at(-1) ?? `podman machine list exited ${String(result.exitCode)}`);
  }
  const parsed: unknown = JSON.parse(result.stdout.trim() || '[]');
  const list = Array.isArray(parsed) ? parsed : [];
  const machines = list.map((entry) => {
    const m = obj(entry);
    const memory = num(m.Memory);
    const disk = num(m.DiskSize);
    const cpus = num(m.CPUs);
    return {
      name: str(m.Name) ?? '?',
      state: m.Running === true ? 'running' : m.Starting === true ? 'starting' : 'stopped',
      ...(typeof m.Rootful === 'boolean' ? { rootful: m.Rootful } : {}),
      // podman prints bytes (4.x as strings, 5.x as numbers).
      ...(memory !== undefined ? { memoryMiB: Math.round(memory / 2 ** 20) } : {}),
      ...(disk !== undefined ? { diskGiB: Math.round(disk / 2 ** 30) } : {}),
      ...(cpus !== undefined ? { cpus } : {}),
    };
  });
  return { exists: machines.length > 0, machines };
}
