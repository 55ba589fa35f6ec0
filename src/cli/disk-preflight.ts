// The disk guard as build and up run it: its lines go to the event bus (view and journal);
// a failing check is reported and never stops the run.
import { diskGuard } from '../disk/guard.js';
import { run } from '../exec/run.js';
import { TarmacError } from '../errors/errors.js';
import type { CliIo } from './io.js';
import type { Session } from './session.js';

/** Prunes by policy and warns about low disk before a build; never throws. */
export async function diskPreflight(session: Session, io: CliIo): Promise<void> {
  const say = (message: string) => session.bus.emit({ type: 'decision', message });
  try {
    const result = await diskGuard({
      envName: session.env.name, imageNames: session.env.images.map((i) => i.name), ...(session.env.disk ? { disk: session.env.disk } : {}),
      engine: session.engine, runner: run, processEnv: io.env, signal: session.root.signal,
    });
    for (const line of [...result.notes, ...result.lines]) say(line);
  } catch (err) {
    if (session.root.signal.aborted) return;
    const detail = err instanceof TarmacError ? [err.message, ...err.details.slice(-1)].join(': ') : err instanceof Error ? err.message : String(err);
    say(`disk: free-space check skipped: ${detail.split('\n').join(' ')}`);
  }
}
