// `tarmac up`: the whole flow, then a summary; exit 1 when tests fail, 4 when a step fails.
import { runCommand } from '../../exec/run-command.js';
import { resolve } from 'node:path';
import { up, type UpOptions } from '../../orchestrate/up.js';
import type { Env } from '../../config/types.js';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import type { Shard } from '../../plan/shard.js';
import { readRefsFile, refsForImages } from '../../registry/refs-file.js';
import { registryMode } from '../../registry/image-sources.js';
import { engineHealer } from '../../orchestrate/recovery-heal.js';
import { sessionTarget } from '../target-session.js';
import { keepReadAhead } from '../read-ahead.js';
import { tarmacVersion } from '../../version.js';
import type { CliIo } from '../io.js';
import { afterRun, afterThrow } from '../after-run.js';
import { openSession, type SessionOptions } from '../session.js';
import { hashEarly } from '../../orchestrate/resolve-images.js';
import { runExitCode, upSummary } from '../up-summary.js';

export interface UpCommandOptions extends SessionOptions {
  capacity?: number;
  test?: boolean;
  /** `--heal`: restart a crashed podman machine while waiting for it. */
  heal?: boolean;
  /** `--no-keep` sets false: an interrupted up removes the env instead of keeping it. */
  keep?: boolean;
  /** `--pull-only`: never build, pull every image from the registry. */
  pullOnly?: boolean;
  /** `--refs FILE`: the build job's references (with --pull-only). */
  refs?: string;
  /** `--shard I/N`. */
  shard?: Shard;
  /** `--no-wait` sets false: refuse at once when another run holds the env. */
  wait?: boolean;
}

/** --pull-only, --refs and --shard as up() takes them (and upSuites); the refs file is read (and checked) here. */
export async function ciOptions(
  opts: UpCommandOptions,
  env: Env,
  cwd: string,
  processEnv: NodeJS.ProcessEnv,
): Promise<Pick<UpOptions, 'pullOnly' | 'refs' | 'shard'>> {
  if (opts.refs !== undefined && !opts.pullOnly) {
    throw new TarmacError('REFS_WITHOUT_PULL_ONLY', '--refs is read by `up --pull-only`', {
      exitCode: ExitCode.usage,
      hint: 'Run `tarmac up --pull-only --refs FILE`.',
    });
  }
  const path = opts.refs === undefined ? undefined : resolve(cwd, opts.refs);
  const refs =
    path === undefined
      ? undefined
      : {
          path,
          images: refsForImages(
            await readRefsFile(path),
            env.images.map((i) => i.name),
            path,
          ),
        };
  // Thrown again by the run where it is used; here so that `--pull-only` without a registry leaves nothing.
  // With processEnv: a password given in TARMAC_REGISTRY_PASSWORD completes the config's user.
  registryMode(env, { pull: Boolean(opts.pullOnly), processEnv });
  return {
    ...(opts.pullOnly ? { pullOnly: true } : {}),
    ...(refs ? { refs } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
  };
}

/** Runs `tarmac up` and returns its exit code. */
export async function upCommand(opts: UpCommandOptions, io: CliIo): Promise<number> {
  // The disk check (prune by policy, warn when space is short) runs while the session opens, before any build.
  let ci: Awaited<ReturnType<typeof ciOptions>> = {};
  const usageChecks = async (env: Env) => {
    ci = await ciOptions(opts, env, io.cwd, io.env);
  };
  // The contexts are hashed while the engine is detected and the disk checked (not with --refs: the build job's
  // references are used instead); stopped if the command ends first.
  const hashing = new AbortController();
  let tags: ReturnType<typeof hashEarly> | undefined;
  const early = (env: Env) => {
    if (opts.refs === undefined) tags = hashEarly(env, hashing.signal);
  };
  const session = await openSession(
    { ...opts, diskCheck: true, lock: { wait: opts.wait !== false }, usageChecks, early },
    io,
    'up',
  ).catch((error: unknown) => {
    hashing.abort();
    throw error;
  });
  try {
    const { target, why } = sessionTarget(session, io);
    session.bus.emit({ type: 'decision', message: `target: ${why}; engine: ${session.engine.name}` });
    const result = await up({
      env: session.env,
      engine: session.engine,
      target,
      runner: runCommand,
      bus: session.bus,
      signal: session.root.signal,
      version: tarmacVersion(),
      processEnv: io.env,
      withTest: opts.test !== false,
      keepOnInterrupt: opts.keep !== false,
      ...(opts.capacity ? { capacity: opts.capacity } : {}),
      hostGate: session.hostGate,
      durations: session.durations,
      ...(opts.heal ? { heal: engineHealer(session.engine) } : {}),
      ...ci,
      ...(tags ? { tags } : {}),
    });
    // The env's first read for the `tarmac test` that usually follows, to start before its CLI loads (issue 16).
    if (result.summary.outcome === 'succeeded') keepReadAhead(session.env, session.engine, target);
    session.close();
    // Built from the run's errors, which did not pass the bus: redacted here.
    const text = session.redact(
      upSummary(
        {
          summary: result.summary,
          events: session.bus.history,
          ...(result.test ? { test: result.test } : {}),
          durationMs: result.durationMs,
        },
        session.view.colors,
      ),
    );
    if (opts.json)
      io.stdout.write(
        `${JSON.stringify({ runId: session.bus.runId, outcome: result.summary.outcome, images: Object.fromEntries(result.refs), journal: session.journal.dir, tests: result.test?.report?.totals }, null, 2)}\n`,
      );
    else io.stdout.write(text);
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json) });
    return runExitCode(result.summary);
  } catch (error) {
    // A failure that escaped the run (e.g. a cluster error) is triaged too; cli/main renders it once.
    await afterThrow({ session, io, json: Boolean(opts.json), error });
    throw error;
  } finally {
    hashing.abort();
    session.close();
  }
}
