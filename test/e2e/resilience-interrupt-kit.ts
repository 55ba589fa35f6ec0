// Shared by the interrupt and reconciliation e2e tests: light copies of the example, waiting for a step's
// output line, the process table (what a run started and what is left of it), and the build containers
// (`podman ps -a --external`) a run's own build logs account for.
import { execa } from 'execa';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { copyExample as copyLightExample, setHeavyWork } from '../support/tarmac-cli.js';
import { waitFor } from '../support/wait-for.js';

export { waitFor };

export interface ExampleEdits {
  /** Rounds of the heavy RUN step of holmesgpt-api (about 0.08 s each here). */
  work: number;
  /** The test command (argv), replacing the example's suite. */
  test?: string[];
}

/** A copy of examples/aianalysis under a unique env name, with its cluster named after the env. */
export function copyExample(envName: string, edits: ExampleEdits): string {
  return copyLightExample(envName, edits.work, (config) => applyEdits(config, envName, edits));
}

/** Rewrites the copy's tarmac.yaml with other edits. */
export function editExample(dir: string, envName: string, edits: ExampleEdits): void {
  const file = join(dir, 'tarmac.yaml');
  const config = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  applyEdits(config, envName, edits);
  writeFileSync(file, stringify(config));
}

function applyEdits(config: Record<string, unknown>, envName: string, edits: ExampleEdits): void {
  setHeavyWork(config, edits.work);
  (config.cluster as Record<string, unknown>).name = `${envName}-e2e`;
  if (edits.test) config.test = { command: edits.test };
}

/** The run directory a tarmac process owns (from its owner record), once it exists. */
export function runDirOf(projectDir: string, pid: number): string | undefined {
  const runs = join(projectDir, '.tarmac', 'runs');
  if (!existsSync(runs)) return undefined;
  for (const id of readdirSync(runs)) {
    const owner = join(runs, id, 'owner.json');
    if (existsSync(owner) && (JSON.parse(readFileSync(owner, 'utf8')) as { pid: number }).pid === pid)
      return join(runs, id);
  }
  return undefined;
}

/** Waits until a step log of the run owned by `pid` has a line matching `line`; returns the run dir. */
export async function waitForStepLine(
  projectDir: string,
  pid: number,
  stepLog: string,
  line: RegExp,
  timeoutMs = 90_000,
): Promise<string> {
  return waitFor(
    `${stepLog} to print ${String(line)}`,
    () => {
      const dir = runDirOf(projectDir, pid);
      const log = dir && join(dir, 'steps', stepLog);
      if (!log || !existsSync(log)) return undefined;
      return readFileSync(log, 'utf8')
        .split('\n')
        .some((l) => line.test(l))
        ? dir
        : undefined;
    },
    timeoutMs,
  );
}

export interface ProcessRow {
  pid: number;
  ppid: number;
  pgid: number;
  args: string;
}

/** The process table. */
export async function processTable(): Promise<ProcessRow[]> {
  const r = await execa('ps', ['-eo', 'pid=,ppid=,pgid=,args='], { reject: false });
  return r.stdout.split('\n').flatMap((line) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    return m ? [{ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), args: m[4] ?? '' }] : [];
  });
}

/** Every process below `root` right now (children, grandchildren, ...). */
export async function descendantsOf(root: number): Promise<ProcessRow[]> {
  const table = await processTable();
  const found: ProcessRow[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next = table.filter((p) => frontier.includes(p.ppid));
    found.push(...next);
    frontier = next.map((p) => p.pid);
  }
  return found;
}

/**
 * What is left of a run: any process that is one of `tracked` (same pid and command line), in a process
 * group one of them led, or whose command line contains one of `needles` (the project dir, the env name); except
 * what `kept` says belongs to what the run keeps on purpose (the monitor of a kept pod's container).
 */
export async function leftovers(
  tracked: readonly ProcessRow[],
  needles: readonly string[],
  kept: (args: string) => boolean = () => false,
): Promise<string[]> {
  const groups = new Set(tracked.filter((p) => p.pid === p.pgid).map((p) => p.pgid));
  return (await processTable())
    .filter((p) => p.pid !== process.pid && !p.args.startsWith('ps -eo') && !kept(p.args))
    .filter(
      (p) =>
        tracked.some((t) => t.pid === p.pid && t.args === p.args) ||
        groups.has(p.pgid) ||
        needles.some((n) => p.args.includes(n)),
    )
    .map((p) => `${p.pid} (group ${p.pgid}) ${p.args}`);
}

/** Waits until `leftovers` finds nothing: every process the run started, and anything naming `needles`, is gone. */
export async function waitUntilGone(
  what: string,
  tracked: readonly ProcessRow[],
  needles: readonly string[],
  kept?: (args: string) => boolean,
): Promise<void> {
  let left: string[] = [];
  await waitFor(
    what,
    async () => ((left = await leftovers(tracked, needles, kept)).length === 0 ? true : undefined),
    20_000,
    () => left,
  );
}

export interface BuildContainer {
  id: string;
  name: string;
  image: string;
}

/** Build containers that a run's build logs account for: `<layer id>-working-container*` or made FROM an image the logs name. */
export async function buildContainersOf(runDir: string): Promise<BuildContainer[]> {
  const logs = readdirSync(join(runDir, 'steps'))
    .filter((f) => f.startsWith('build_'))
    .map((f) => readFileSync(join(runDir, 'steps', f), 'utf8'))
    .join('\n');
  const layers = [...logs.matchAll(/^--> ([0-9a-f]{11,12})$/gm)].map((m) => m[1] ?? '');
  const froms = [...logs.matchAll(/^STEP \d+\/\d+: FROM (\S+)/gm)].map((m) => m[1] ?? '');
  const r = await execa('podman', ['ps', '-a', '--external', '--format', 'json'], { reject: false });
  const rows = JSON.parse(r.stdout || '[]') as { Id: string; Names?: string[]; Image?: string }[];
  return rows
    .map((row) => ({ id: row.Id, name: row.Names?.[0] ?? '', image: row.Image ?? '' }))
    .filter((c) => /-working-container(-\d+)?$/.test(c.name))
    .filter((c) => layers.some((l) => c.name.startsWith(l)) || froms.includes(c.image));
}

/** Ids of the containers podman knows, build containers included. */
export async function containerIds(): Promise<Set<string>> {
  const r = await execa('podman', ['ps', '-a', '--external', '-q', '--no-trunc'], { reject: false });
  return new Set(r.stdout.split('\n').filter(Boolean));
}
