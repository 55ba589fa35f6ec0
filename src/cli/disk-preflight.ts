// The disk guard as build and up run it: its lines go to the event bus (view and journal);
// a failing check is reported and never stops the run.
import { join } from 'node:path';
import { diskGuard } from '../disk/guard.js';
import { TarmacError } from '../errors/errors.js';
import type { Env } from '../config/types.js';
import type { ContainerEngine } from '../engines/types.js';
import type { EventBus } from '../events/bus.js';
import type { CliIo } from './io.js';

export interface DiskPreflightDeps {
  env: Env;
  engine: ContainerEngine;
  bus: EventBus;
  signal: AbortSignal;
}

/** Prunes by policy and warns about low disk before a build; never throws. */
export async function diskPreflight(deps: DiskPreflightDeps, io: CliIo): Promise<void> {
  const say = (message: string) => deps.bus.emit({ type: 'decision', message });
  try {
    const result = await diskGuard({
      envName: deps.env.name,
      imageNames: deps.env.images.map((i) => i.name),
      ...(deps.env.disk ? { disk: deps.env.disk } : {}),
      engine: deps.engine,
      processEnv: io.env,
      signal: deps.signal,
      factsFile: join(deps.env.stateDir, 'disk-facts.json'),
    });
    for (const line of [...result.notes, ...result.lines]) say(line);
  } catch (err) {
    if (deps.signal.aborted) return;
    const detail =
      err instanceof TarmacError
        ? [err.message, ...err.details.slice(-1)].join(': ')
        : err instanceof Error
          ? err.message
          : String(err);
    say(`disk: free-space check skipped: ${detail.split('\n').join(' ')}`);
  }
}
