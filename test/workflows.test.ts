// The GitHub Actions workflows tarmac ships (.github/workflows) and documents (docs/ci.md) are valid against
// GitHub's published workflow schema. The validator itself catches a broken workflow (the last test).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/tarmac-cli.js';
import { workflowProblems } from './support/workflow-schema.js';

const workflowsDir = join(repoRoot, '.github', 'workflows');
const shipped = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));
const doc = readFileSync(join(repoRoot, 'docs', 'ci.md'), 'utf8');
const documented = /<!-- ci-workflow:start[^>]*-->\s*```yaml\n([\s\S]*?)```\s*<!-- ci-workflow:end -->/.exec(doc)?.[1];

describe('GitHub Actions workflows against the published schema', () => {
  it('ships the kind end-to-end workflow', () => {
    expect(shipped).toContain('e2e-kind.yml');
  });

  it.each(shipped)('.github/workflows/%s has no schema problem', (file) => {
    expect(workflowProblems(file, readFileSync(join(workflowsDir, file), 'utf8'))).toEqual([]);
  });

  it("docs/ci.md's workflow has no schema problem", () => {
    expect(documented).toBeDefined();
    expect(workflowProblems('docs/ci.md', documented ?? '')).toEqual([]);
  });

  it('the validator reports a misspelt key and a step without run or uses, with their lines', () => {
    const broken = 'on: push\njobs:\n  b:\n    runs-onn: ubuntu-latest\n    steps:\n      - rune: echo hi\n';
    expect(workflowProblems('broken.yml', broken)).toEqual(
      expect.arrayContaining([
        "broken.yml (Line: 4, Col: 5): Unexpected value 'runs-onn'",
        'broken.yml (Line: 4, Col: 5): Required property is missing: runs-on',
      ]),
    );
  });
});
