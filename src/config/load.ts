// Loading tarmac.yaml: read -> YAML (with positions) -> schema -> cross-field rules -> Env.
// Every problem found is reported at once, located as file:line:col.
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, ExitCode, TarmacError } from '../errors/errors.js';
import type { ConfigProblem } from '../errors/errors.js';
import type { Finding } from './finding.js';
import { configErrorMap } from './issue-messages.js';
import { issueFindings } from './issues.js';
import { normaliseConfig } from './normalise.js';
import { formatPath } from './path-text.js';
import { runRules } from './rules/index.js';
import { formatSize } from './size.js';
import { configSchema } from './schema.js';
import type { Env } from './types.js';
import { locate, parseYaml } from './yaml-source.js';
import type { YamlSource } from './yaml-source.js';

export { findConfigFile } from './find-config.js';

/** Options for loading; `cwd` is where relative `file` arguments and shown paths start from. */
export interface LoadOptions {
  cwd?: string;
}

/** A loaded Env plus the warnings found (e.g. a weight above build.capacity), located like problems. */
export interface LoadedEnv {
  env: Env;
  warnings: ConfigProblem[];
}

/** Loads, validates and normalises a config file; throws ConfigError listing every problem. */
export async function loadEnv(file: string, options: LoadOptions = {}): Promise<Env> {
  return (await loadEnvWithWarnings(file, options)).env;
}

/** Like loadEnv, and also returns the warnings, which never stop a run. */
export async function loadEnvWithWarnings(file: string, options: LoadOptions = {}): Promise<LoadedEnv> {
  const cwd = options.cwd ?? process.cwd();
  const abs = path.resolve(cwd, file);
  const { source, errors } = parseYaml(await readConfig(abs, file));
  if (errors.length > 0) {
    throw new ConfigError(
      abs,
      errors.map((e) => ({ file: abs, line: e.line, col: e.col, path: '', message: e.message, hint: e.hint })),
    );
  }
  const data = toData(source, abs);
  const parsed = configSchema.safeParse(data, { error: configErrorMap });
  const rules = runRules({ data, dir: path.dirname(abs), fileName: path.basename(abs), cwd });
  const problems = [...(parsed.success ? [] : issueFindings(parsed.error.issues, data)), ...rules.errors];
  if (!parsed.success || problems.length > 0) throw new ConfigError(abs, toProblems(source, abs, problems));
  return { env: normaliseConfig(parsed.data, abs), warnings: toProblems(source, abs, rules.warnings) };
}

// toJS throws on unresolved aliases and alias bombs; report those like syntax errors.
function toData(source: YamlSource, file: string): unknown {
  try {
    return source.doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    const message = `YAML error: ${cause instanceof Error ? cause.message : String(cause)}`;
    throw new ConfigError(file, [
      {
        file,
        line: 1,
        col: 1,
        path: '',
        message,
        hint: 'Check the anchors (`&name`) and aliases (`*name`): each alias needs an anchor above it, and aliases must not multiply.',
      },
    ]);
  }
}

/** The largest config file tarmac reads: real ones are a few KiB; a huge one would take minutes and gigabytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

async function readConfig(abs: string, asGiven: string): Promise<string> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(abs, 'r');
    const stat = await handle.stat();
    // Why check before reading: `-f /dev/zero` or a FIFO would never end, a 1 GB file would exhaust memory.
    if (!stat.isFile()) throw tooLarge(abs, `${asGiven} is not a regular file`);
    if (stat.size > MAX_CONFIG_BYTES)
      throw tooLarge(abs, `The config file is ${formatSize(stat.size)}; tarmac reads at most 1 MiB`);
    return await handle.readFile('utf8');
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new TarmacError(
      'CONFIG_NOT_FOUND',
      missing ? `Config file ${asGiven} not found` : `Cannot read config file ${asGiven}`,
      {
        exitCode: ExitCode.usage,
        cause,
        hint: missing
          ? 'Check the path given with `-f`, or run tarmac where tarmac.yaml is.'
          : 'Pass a readable YAML file with `-f <path>`.',
      },
    );
  } finally {
    await handle?.close();
  }
}

function tooLarge(file: string, message: string): ConfigError {
  const hint =
    'Pass the tarmac.yaml of the project with `-f <path>`; a config describes images, deploy groups and tests in a few KiB.';
  return new ConfigError(file, [{ file, line: 1, col: 1, path: '', message, hint }]);
}

// Locates each finding, sorts top to bottom and drops exact repeats.
function toProblems(source: YamlSource, file: string, findings: Finding[]): ConfigProblem[] {
  const problems = findings.map((f, order) => {
    const { line, col } = locate(source, f.path, f.atKey);
    return {
      problem: { file, line, col, path: formatPath(f.path), message: f.message, ...(f.hint ? { hint: f.hint } : {}) },
      order,
    };
  });
  problems.sort((a, b) => a.problem.line - b.problem.line || a.problem.col - b.problem.col || a.order - b.order);
  const seen = new Set<string>();
  return problems
    .map((p) => p.problem)
    .filter((p) => {
      const key = `${p.line}:${p.col}:${p.path}:${p.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}
