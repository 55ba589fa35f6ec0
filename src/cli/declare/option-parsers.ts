// commander parsers for option values. Every command declaration imports them at start, so they import nothing
// heavy (no zod, no planner): `tarmac --version` loads this file too.
import { InvalidArgumentError } from 'commander';
import { MAX_CAPACITY } from '../../config/limits.js';
import { parseShard, type Shard } from '../../plan/shard.js';

/** commander parser for `--shard I/N`. */
export function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
}

/** commander parser for `--capacity`: a whole number from 1 to the same maximum as build.capacity. */
export function parseCapacity(value: string): number {
  const n = parsePositiveInt(value);
  if (n > MAX_CAPACITY)
    throw new InvalidArgumentError(`Expected a capacity of at most ${MAX_CAPACITY}, got \`${value}\`.`);
  return n;
}

/** commander parser for options that take a whole number >= 1. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`Expected a whole number of at least 1, got \`${value}\`.`);
  return n;
}

/** commander parser for `a,b`: the non-empty names. */
export function parseSuiteList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
