// Which shard of its tests each chosen suite runs: `--suite a,b@I/N` (the form `tarmac ci matrix` writes) or
// `--suite a --shard I/N` (one suite only). A suite without a shard runs all its tests.
import { ExitCode, TarmacError } from '../errors/errors.js';
import { parseShard, type Shard } from '../plan/shard.js';

/** The suite names of `--suite` entries and the shard each `name@I/N` entry asks for. */
export interface SuiteShards {
  names: string[];
  shards: Map<string, Shard>;
}

/**
 * Splits `--suite` entries into names and per-suite shards and folds in `--shard`. Throws SUITE_SHARD_INVALID
 * (a bad `@I/N`, a suite named twice) or SUITE_SHARD_AMBIGUOUS (`--shard` with several suites, `--all`, or an `@I/N`).
 */
export function suiteShards(entries: readonly string[], o: { shard?: Shard; all?: boolean } = {}): SuiteShards {
  const names: string[] = [];
  const shards = new Map<string, Shard>();
  for (const entry of entries) {
    const at = entry.indexOf('@');
    const name = at < 0 ? entry : entry.slice(0, at);
    if (names.includes(name))
      throw invalid(`--suite names ${name} twice`, 'Name each suite once (one shard of it per job).');
    names.push(name);
    if (at < 0) continue;
    const shard = parseShard(entry.slice(at + 1));
    if (typeof shard === 'string')
      throw invalid(`--suite ${entry}: ${shard}`, 'Write a shard as `suite@I/N`, e.g. `fleet@2/3`.');
    shards.set(name, shard);
  }
  if (!o.shard) return { names, shards };
  // --shard has one meaning only: the shard of the one suite named.
  if (o.all || names.length !== 1 || shards.size > 0)
    throw new TarmacError('SUITE_SHARD_AMBIGUOUS', '--shard needs exactly one suite without its own @I/N', {
      exitCode: ExitCode.usage,
      hint: `Name one suite (\`--suite fleet --shard ${o.shard.index}/${o.shard.count}\`), or give each suite its own shard: \`--suite fleet@${o.shard.index}/${o.shard.count},storage\`.`,
    });
  shards.set(names[0]!, o.shard);
  return { names, shards };
}

function invalid(message: string, hint: string): TarmacError {
  return new TarmacError('SUITE_SHARD_INVALID', message, { exitCode: ExitCode.usage, hint });
}
