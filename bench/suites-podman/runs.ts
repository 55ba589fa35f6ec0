// What bench/suites-podman.bench.ts runs: cold copies of examples/suites (with the examples/aianalysis it builds on),
// timed `tarmac up` runs with their journals, the built-once check, and the clean-up.
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { downAndRemoveImages, root } from '../example-copy.js';

export interface JournalEvent {
  type: string;
  at?: number;
  stepId?: string;
  state?: string;
  durationMs?: number;
  steps?: { id: string; kind: string; subject: string }[];
}

export interface TimedUp {
  ms: number;
  events: JournalEvent[];
  /** Each step's start and end from the run's start, one line per step. */
  profile: string;
}

/** Puts the host's static busybox in the example's base rootfs (idempotent). */
export async function prepareExample(): Promise<void> {
  await execa('node', [join(root, 'examples/aianalysis/prepare.mjs')]);
}

/** A copy of both examples under one temp dir, env `name`, podman target, a nonce in base (nothing cached). */
export function copySuites(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tarmac-${name}-`));
  for (const example of ['aianalysis', 'suites'])
    cpSync(join(root, 'examples', example), join(dir, example), {
      recursive: true,
      filter: (src) => !src.includes('/.tarmac'),
    });
  const file = join(dir, 'suites', 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  config.name = name;
  config.cluster = { target: 'podman' };
  writeFileSync(file, stringify(config));
  writeFileSync(join(dir, 'aianalysis', 'base', '.bench-nonce'), `${name}-${randomBytes(4).toString('hex')}`);
  return dir;
}

const tarmac = join(root, 'bin/tarmac.js');
const suitesFile = (dir: string): string => join(dir, 'suites', 'tarmac.yaml');

/** `tarmac up --all` (suite undefined) or `--suite X`, timed from outside; its journal's events. */
export async function timedUp(dir: string, env: Record<string, string>, suite: string | undefined): Promise<TimedUp> {
  const which = suite ? ['--suite', suite] : ['--all'];
  const started = performance.now();
  const r = await execa('node', [tarmac, 'up', ...which, '-f', suitesFile(dir)], {
    env: { ...env, CI: 'true', TARMAC_HOST_LEASE: 'off' },
    reject: false,
  });
  const ms = performance.now() - started;
  if (r.exitCode !== 0) throw new Error(`tarmac up ${which.join(' ')} exited ${r.exitCode}:\n${r.stdout.slice(-3000)}`);
  const runs = join(dir, 'suites', '.tarmac', 'runs');
  const journal = join(runs, readdirSync(runs).sort().at(-1)!, 'events.jsonl');
  const events = readFileSync(journal, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JournalEvent);
  return { ms, events, profile: profile(events) };
}

function profile(events: JournalEvent[]): string {
  const t0 = Number(events[0]?.at ?? 0);
  const sec = (at: unknown): string => ((Number(at) - t0) / 1000).toFixed(1).padStart(5);
  const starts = new Map(events.filter((e) => e.type === 'step.started').map((e) => [e.stepId, e.at]));
  return events
    .filter((e) => e.type === 'step.finished')
    .map((e) => `  ${sec(starts.get(e.stepId) ?? e.at)} - ${sec(e.at)}  ${e.stepId} ${e.state}`)
    .join('\n');
}

/** Whether each image of the run's plan was built exactly once: one build step each, started once, built (not cached). */
export function builtOnce(events: readonly JournalEvent[]): { ok: boolean; detail: string } {
  const planned = events.find((e) => e.type === 'run.started')?.steps?.filter((s) => s.kind === 'build') ?? [];
  const subjects = planned.map((s) => s.subject);
  const starts = (id: string): number => events.filter((e) => e.type === 'step.started' && e.stepId === id).length;
  const state = (id: string): string | undefined =>
    events.find((e) => e.type === 'step.finished' && e.stepId === id)?.state;
  const each = planned.map((s) => `${s.subject} ${starts(s.id)}x ${state(s.id)}`);
  const ok =
    planned.length > 0 &&
    new Set(subjects).size === subjects.length &&
    planned.every((s) => starts(s.id) === 1 && state(s.id) === 'succeeded');
  return { ok, detail: each.join(', ') };
}

/** `tarmac down` on the copy and removes the images it built (by the env label). */
export async function downAndRemove(dir: string, env: Record<string, string>): Promise<void> {
  const name = (parse(readFileSync(suitesFile(dir), 'utf8')) as { name: string }).name;
  await downAndRemoveImages(suitesFile(dir), name, env);
}
