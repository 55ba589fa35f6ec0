// Local ports for the port-forwards: one per Service port, picked free once and then kept in
// `<stateDir>/kube/<cluster>.forwards.json`, so a Service keeps its URL across `up`, `test` and `status` for as long as
// the env lives. A kept port that something else took meanwhile is replaced by a new free one.
import { existsSync, readFileSync } from 'node:fs';
import { freePort, portIsFree } from '../local-ports.js';
import { writePrivateFile } from './paths.js';
import type { ServicePort } from './service-ports.js';

/** The key of a Service port in the book: `<namespace>/<service>:<port>`. */
export function forwardKey(sp: Pick<ServicePort, 'namespace' | 'service' | 'port'>): string {
  return `${sp.namespace}/${sp.service}:${String(sp.port)}`;
}

/** The env's kept local ports, read from and written to one file. */
export class PortBook {
  private ports: Record<string, number> | undefined;

  constructor(private readonly file: string) {}

  /** The kept port of `key` when it is still free, else a new free port (which is then kept). */
  async portFor(key: string): Promise<number> {
    const kept = this.read()[key];
    if (kept !== undefined && (await portIsFree(kept))) return kept;
    const port = await freePort();
    await this.keep(key, port);
    return port;
  }

  /** The kept port of `key`, if any, without checking it. */
  kept(key: string): number | undefined {
    return this.read()[key];
  }

  private read(): Record<string, number> {
    if (this.ports) return this.ports;
    this.ports = {};
    if (!existsSync(this.file)) return this.ports;
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      for (const [key, value] of Object.entries(parsed as Record<string, unknown>))
        if (Number.isInteger(value)) this.ports[key] = value as number;
    } catch {
      // A damaged file only costs the kept ports: new ones are picked and written back.
    }
    return this.ports;
  }

  private async keep(key: string, port: number): Promise<void> {
    const ports = { ...this.read(), [key]: port };
    this.ports = ports;
    await writePrivateFile(this.file, `${JSON.stringify(ports, null, 2)}\n`);
  }
}
