// The layering rules bite: dependency-cruiser, run with the repo's own .dependency-cruiser.mjs, reports each kind
// of violation in a small fixture tree (written to a temp dir, never into src/). That the real src/ has none is
// `npm run lint`'s own check (the same depcruise run), so it is not repeated here.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/exec/run-command.js';
import { repoRoot } from './support/tarmac-cli.js';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

const CONFIG = join(repoRoot, '.dependency-cruiser.mjs');
const DEPCRUISE = join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Runs depcruise on `src` in `cwd` (rule paths are relative to it) and returns its violations. */
async function violations(cwd: string): Promise<Violation[]> {
  const result = await runCommand(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    timeoutMs: 110_000,
  });
  // Exit 0: clean; exit N: N error-level violations. Anything else (a crash) has no JSON to read.
  expect(result.stdout.startsWith('{'), result.stderr).toBe(true);
  return (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** The fixture: a clean baseline plus one file per violation, each named for the rule it breaks. */
const FILES: Record<string, string> = {
  'src/plan/ok.ts': 'export const plan = 1;\n',
  'src/orchestrate/ok.ts': "import { plan } from '../plan/ok.js';\nexport const ran = plan;\n",
  'src/exec/ok.ts': "import { execa } from 'execa';\nexport const spawn = execa;\n",
  'src/targets/types.ts': 'export type TargetType = string;\n',
  'src/targets/kind/internal.ts': 'export const internal = 1;\n',
  'src/targets/kind/index.ts': "export { internal } from './internal.js';\n",
  'src/triage/ok.ts': "import { internal } from '../targets/kind/index.js';\nexport const triage = internal;\n",
  // no-cycles (reported once, at the first module of the cycle)
  'src/cache/cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = () => b;\n",
  'src/cache/cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = () => a;\n",
  // only-exec-spawns
  'src/cache/spawns.ts': "import { execa } from 'execa';\nexport const spawn = execa;\n",
  // adapters-stay-below-orchestrate-and-cli
  'src/targets/kind/uses-orchestrate.ts': "import { ran } from '../../orchestrate/ok.js';\nexport const up = ran;\n",
  // plan-is-pure
  'src/plan/uses-exec.ts': "import { spawn } from '../exec/ok.js';\nexport const impure = spawn;\n",
  // targets-through-their-surface
  'src/disk/peeks.ts': "import { internal } from '../targets/kind/internal.js';\nexport const peek = internal;\n",
  // no-test-kits-in-src
  'src/orchestrate/uses-kit.ts': "import { kit } from './scheduler.test-kit.js';\nexport const shipped = kit;\n",
  'src/orchestrate/scheduler.test-kit.ts': 'export const kit = 1;\n',
  // no-replay-harness-in-src
  'src/triage/replay/harness.ts': 'export const harness = 1;\n',
  'src/triage/uses-harness.ts': "import { harness } from './replay/harness.js';\nexport const shipped = harness;\n",
};

describe('layering rules (.dependency-cruiser.mjs)', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tarmac-layering-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' }, include: ['src'] }),
    );
    // So `execa` resolves as it does in the repo (an unresolvable import is a violation of its own).
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a cycle, a spawn outside exec/, an adapter importing orchestrate/, plan/ importing exec/, and the rest', async () => {
    // A package resolves to its real path (node_modules may be a symlink): name it by the package.
    const target = (to: string) => to.replace(/^.*node_modules\/([^/]+)\/.*$/, '$1');
    const found = (await violations(dir)).map((v) => `${v.rule.name}: ${v.from} -> ${target(v.to)}`).sort();
    expect(found).toEqual(
      [
        'adapters-stay-below-orchestrate-and-cli: src/targets/kind/uses-orchestrate.ts -> src/orchestrate/ok.ts',
        'no-cycles: src/cache/cycle-a.ts -> src/cache/cycle-b.ts',
        'no-replay-harness-in-src: src/triage/uses-harness.ts -> src/triage/replay/harness.ts',
        'no-test-kits-in-src: src/orchestrate/uses-kit.ts -> src/orchestrate/scheduler.test-kit.ts',
        'only-exec-spawns: src/cache/spawns.ts -> execa',
        'plan-is-pure: src/plan/uses-exec.ts -> src/exec/ok.ts',
        'targets-through-their-surface: src/disk/peeks.ts -> src/targets/kind/internal.ts',
      ].sort(),
    );
  });
});
