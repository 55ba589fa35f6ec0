// The triage corpus's case format (test/corpus/README.md): real failure output with its established cause,
// the phase it shows up in and, for workload failures, the pod's status and events. Validated with zod.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';

/** Every category a case may have (issue 14's list). */
export const CATEGORIES = [
  'engine-crashed',
  'engine-hung',
  'engine-unreachable',
  'disk-full',
  'out-of-memory',
  'file-limits',
  'port-in-use',
  'dns',
  'proxy',
  'tls',
  'clock-skew',
  'registry-auth',
  'registry-rate-limit',
  'image-not-found',
  'build-instruction',
  'build-dependency-download',
  'kind-node-boot',
  'kubelet-not-ready',
  'crashloop',
  'readiness-probe',
  'crd-missing',
  'rbac-forbidden',
  'quota',
  'job-failed',
  'env-held',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Where in an E2E setup the output appears. */
export const PHASES = [
  'build',
  'cluster-create',
  'image-load',
  'push',
  'pull',
  'deploy',
  'test',
  'engine-probe',
] as const;

export type Phase = (typeof PHASES)[number];

const podSchema = z
  .object({
    name: z.string().min(1).optional(),
    phase: z.enum(['Pending', 'Running', 'Failed', 'Succeeded']).optional(),
    waiting: z
      .object({ reason: z.string().min(1), message: z.string().optional() })
      .strict()
      .nullable()
      .optional(),
    terminated: z
      .object({ reason: z.string().optional(), exitCode: z.number().int().optional() })
      .strict()
      .nullable()
      .optional(),
    restartCount: z.number().int().nonnegative().optional(),
    events: z
      .array(
        z.object({ type: z.string().optional(), reason: z.string().optional(), message: z.string().min(1) }).strict(),
      )
      .optional(),
  })
  .strict();

/** One case file. */
export const corpusCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
    category: z.enum(CATEGORIES),
    source: z
      .object({
        url: z.url(),
        repo: z.string().optional(),
        issue: z.number().int().nullable().optional(),
        path: z.string().optional(),
      })
      .strict(),
    rootCause: z.string().min(1),
    phase: z.enum(PHASES),
    exitCode: z.number().int().nullable(),
    output: z.string().refine((s) => s.trim() !== '', 'output is empty'),
    pod: podSchema.nullable(),
    notes: z.string().optional(),
  })
  .strict();

export type CorpusCase = z.infer<typeof corpusCaseSchema>;
export type CasePod = NonNullable<CorpusCase['pod']>;

/** A case file read from disk, parsed or with the reason it does not parse. */
export interface CaseFile {
  file: string;
  /** The file's directory name (its category as filed). */
  dir: string;
  result: ReturnType<typeof corpusCaseSchema.safeParse>;
}

/** Every `<category>/<id>.json` under `casesDir`, sorted by path (not validated beyond parsing JSON). */
export function readCaseFiles(casesDir: string): CaseFile[] {
  const files: CaseFile[] = [];
  for (const dir of readdirSync(casesDir, { withFileTypes: true }).filter((d) => d.isDirectory()))
    for (const name of readdirSync(join(casesDir, dir.name))
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(casesDir, dir.name, name);
      files.push({ file, dir: dir.name, result: corpusCaseSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))) });
    }
  return files.sort((a, b) => a.file.localeCompare(b.file));
}

/** The problems of one case file: schema errors, an id that is not its file name, a category that is not its folder. */
export function caseProblems(entry: CaseFile): string[] {
  if (!entry.result.success)
    return entry.result.error.issues.map((i) => `${entry.file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  const c = entry.result.data;
  const problems: string[] = [];
  if (`${c.id}.json` !== basename(entry.file)) problems.push(`${entry.file}: id ${c.id} is not the file name`);
  if (c.category !== entry.dir) problems.push(`${entry.file}: category ${c.category} is not its folder ${entry.dir}`);
  return problems;
}

/** Every valid case under `casesDir`; throws with every problem when any file is invalid. */
export function loadCorpus(casesDir: string): CorpusCase[] {
  const entries = readCaseFiles(casesDir);
  const problems = entries.flatMap(caseProblems);
  if (problems.length > 0) throw new Error(`invalid corpus cases:\n${problems.join('\n')}`);
  return entries.map((e) => e.result.data as CorpusCase);
}
