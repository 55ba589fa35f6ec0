// `tarmac build`: build what changed, show progress and a summary.
import { buildImages } from '../../orchestrate/build-images.js';
import { engineHealer } from '../../orchestrate/recovery-heal.js';
import { tarmacVersion } from '../../version.js';
import type { Env } from '../../config/types.js';
import { ExitCode } from '../../errors/errors.js';
import { redactDeep } from '../../redact/redactor.js';
import type { CliIo } from '../io.js';
import { afterRun, afterThrow } from '../after-run.js';
import { openSession, type SessionOptions } from '../session.js';
import { buildSummary, buildJson } from '../build-summary.js';
import { refsDocument, refsTarget } from '../build-refs.js';
import { writeRefsFile } from '../../registry/refs-file.js';
import { registryMode } from '../../registry/image-sources.js';
import { hashEarly } from '../../orchestrate/resolve-images.js';

export interface BuildOptions extends SessionOptions {
  capacity?: number;
  only?: string[];
  /** Push built images by content tag even when `registry.push` is off. */
  push?: boolean;
  /** `--heal`: restart a crashed podman machine while waiting for it. */
  heal?: boolean;
  /** `--refs FILE`: write the pushed references as JSON for later jobs (`tarmac up --pull-only --refs FILE`). */
  refs?: string;
}

/** Runs `tarmac build` and returns its exit code. */
export async function buildCommand(opts: BuildOptions, io: CliIo): Promise<number> {
  // The disk check (prune by policy, warn when space is short) runs while the session opens, before any build.
  let refsPath: string | undefined;
  const usageChecks = (env: Env) => {
    // Thrown again by the run where it is used; here so that `--push` without a registry leaves nothing.
    registryMode(env, { push: Boolean(opts.push), processEnv: io.env });
    refsPath = refsTarget(env, opts, io.cwd);
  };
  // The contexts are hashed while the engine is detected and the disk checked; stopped if the command ends first.
  const hashing = new AbortController();
  let tags: ReturnType<typeof hashEarly> | undefined;
  const early = (env: Env) => void (tags = hashEarly(env, hashing.signal));
  const session = await openSession({ ...opts, diskCheck: true, usageChecks, early }, io, 'build').catch(
    (error: unknown) => {
      hashing.abort();
      throw error;
    },
  );
  try {
    const result = await buildImages({
      env: session.env,
      engine: session.engine,
      bus: session.bus,
      signal: session.root.signal,
      version: tarmacVersion(),
      ...(opts.capacity ? { capacity: opts.capacity } : {}),
      ...(opts.only ? { only: opts.only } : {}),
      ...(opts.push ? { push: true } : {}),
      hostGate: session.hostGate,
      durations: session.durations,
      ...(opts.heal ? { heal: engineHealer(session.engine) } : {}),
      processEnv: io.env,
      ...(tags ? { tags } : {}),
    });
    const refs = refsDocument(session.env, session.bus.runId, result.images);
    // Only a build that succeeded hands its references on: a later job must never pull a half-pushed set.
    if (refsPath && refs && result.summary.outcome === 'succeeded') await writeRefsFile(refsPath, refs);
    session.close();
    // The summary and --json are built from the run's errors, which did not pass the bus: redact them here.
    if (opts.json)
      io.stdout.write(
        `${JSON.stringify({ ...redactDeep(buildJson(session.bus.runId, result), session.redact), journal: session.journal.dir, ...(refs ? { refs } : {}) }, null, 2)}\n`,
      );
    else io.stdout.write(session.redact(buildSummary(result, session.view.colors)));
    await afterRun({ session, outcome: result.summary.outcome, io, json: Boolean(opts.json) });
    if (result.summary.outcome === 'cancelled') return ExitCode.interrupted;
    // A step that fails during the run is an infrastructure failure (ARCHITECTURE.md exit codes).
    return result.summary.outcome === 'failed' ? ExitCode.infrastructure : ExitCode.ok;
  } catch (error) {
    // A failure that escaped the run (e.g. a cluster error) is triaged too; cli/main renders it once.
    await afterThrow({ session, io, json: Boolean(opts.json), error });
    throw error;
  } finally {
    hashing.abort();
    session.close();
  }
}
