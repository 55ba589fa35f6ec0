// The live env's health and endpoints, asked for at once: what `tarmac test` needs before its suite can start.
// Its own module, so `test` can start these engine reads before it loads the run's machinery (issue 16).
import type { LiveTarget } from './executors/suite-test-target.js';

/** The env's health and endpoints being read (see startEnvReads). */
export interface EnvReads {
  status: Promise<{ healthy: boolean }>;
  endpoints: ReturnType<LiveTarget['endpoints']>;
}

/**
 * Starts reading the env's health and endpoints: independent engine queries, asked at once so the suite starts
 * sooner. A failure is the reader's when it awaits it, never an unhandled rejection before.
 */
export function startEnvReads(
  target: Pick<LiveTarget, 'status' | 'health' | 'endpoints'>,
  signal: AbortSignal,
): EnvReads {
  const endpoints = target.endpoints(signal);
  endpoints.catch(() => undefined);
  // Only whether it is healthy is needed here: the target's cheaper answer when it has one.
  const status = target.health ? target.health(signal) : target.status(signal);
  status.catch(() => undefined);
  return { status, endpoints };
}
