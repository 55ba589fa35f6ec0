// apply(): `kubectl apply -f <temp file>` of a rendered group, checking that kubectl named every object.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode, TarmacError } from '../../errors/errors.js';
import type { KubeObject, RenderedGroup } from '../../kube/types.js';
import type { TargetContext } from '../types.js';
import type { KindDeps } from './kind-deps.js';
import { kindErrorLine } from './kind-tools.js';

const APPLY_TIMEOUT_MS = 120_000;
const APPLIED = /^(\S+)\/(\S+) (created|configured|unchanged|serverside-applied)\b/;

/** Applies the group's objects as one v1 List (kubectl expands it), then verifies kubectl reported each one. */
export async function applyGroup(deps: KindDeps, group: RenderedGroup, ctx: TargetContext): Promise<void> {
  if (group.objects.length === 0) return;
  const file = join(
    tmpdir(),
    `tarmac-${deps.runId}-apply-${group.name.replace(/[^A-Za-z0-9_.-]/g, '_')}-${randomBytes(4).toString('hex')}.json`,
  );
  const list = { apiVersion: 'v1', kind: 'List', items: group.objects.map((o) => o.object) };
  try {
    await writeFile(file, `${JSON.stringify(list, null, 2)}\n`, { mode: 0o600 });
    const result = await deps.tools.kubectl(['apply', '-f', file], {
      timeoutMs: APPLY_TIMEOUT_MS,
      signal: ctx.signal,
      onLine: ctx.output,
    });
    if (!result.ok) {
      throw new TarmacError(
        'DEPLOY_APPLY_FAILED',
        `kubectl apply of deploy group ${group.name} failed: ${kindErrorLine(result)}`,
        {
          exitCode: ExitCode.infrastructure,
          hint: `The manifests come from ${sourceFiles(group)}; fix the object kubectl names, or check the cluster with \`tarmac status\`.`,
          details: result.tail.slice(-10),
        },
      );
    }
    const missing = group.objects.map((o) => o.object).filter((object) => !reported(result.stdout, object));
    if (missing.length > 0) {
      throw new TarmacError(
        'DEPLOY_APPLY_NOT_VERIFIED',
        `kubectl apply of deploy group ${group.name} exited 0 but did not report ${missing.map(describe).join(', ')}`,
        {
          exitCode: ExitCode.infrastructure,
          details: result.tail.slice(-10),
          hint: 'kubectl skipped objects it did not understand: check their apiVersion and kind.',
        },
      );
    }
  } finally {
    await rm(file, { force: true });
  }
}

/** Whether kubectl's output has a `<resource>/<name> created|configured|unchanged` line for the object. */
function reported(stdout: string, object: KubeObject): boolean {
  const kind = object.kind.toLowerCase();
  return stdout.split('\n').some((line) => {
    const match = APPLIED.exec(line.trim());
    return (
      match !== null && match[2] === object.metadata.name && (match[1] === kind || match[1]?.startsWith(`${kind}.`))
    );
  });
}

function describe(object: KubeObject): string {
  return `${object.kind}/${object.metadata.name}`;
}

function sourceFiles(group: RenderedGroup): string {
  return [...new Set(group.objects.map((o) => o.file))].join(', ');
}
