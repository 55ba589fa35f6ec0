// Rules that check the files and directories named in the config exist, resolved against the
// config file's directory.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../finding.js';
import type { PathKey } from '../path-text.js';
import { entries, isRawMap, text, texts } from './raw.js';
import type { RuleContext, RuleOutput } from './raw.js';

type Kind = 'file' | 'dir' | 'missing';
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function kindOf(abs: string): Kind {
  const stat = statSync(abs, { throwIfNoEntry: false });
  return stat === undefined ? 'missing' : stat.isDirectory() ? 'dir' : 'file';
}

/** Missing context dirs, Containerfiles, kind config, manifests, kustomize and test dirs. */
export function checkPaths(ctx: RuleContext): RuleOutput {
  const errors: Finding[] = [];
  const check = (where: PathKey[], written: string, what: string, want: 'file' | 'dir' | 'any'): Kind => {
    const kind = kindOf(path.resolve(ctx.dir, written));
    const problem =
      kind === 'missing'
        ? 'does not exist'
        : want !== 'any' && kind !== want
          ? `is a ${kind === 'dir' ? 'directory' : 'file'}, not a ${want === 'dir' ? 'directory' : 'file'}`
          : undefined;
    if (problem)
      errors.push({
        path: where,
        message: `${what} ${shown(ctx, written)} ${problem}`,
        hint: fixHint(ctx, kind, want),
      });
    return kind;
  };

  for (const { index, item } of entries(ctx.data, 'images')) {
    const context = item.context === undefined ? '.' : text(item, 'context');
    if (context === undefined) continue;
    const contextKind = check(['images', index, 'context'], context, 'Build context directory', 'dir');
    const containerfile = text(item, 'containerfile');
    if (containerfile !== undefined) check(['images', index, 'containerfile'], containerfile, 'Containerfile', 'file');
    else if (
      contextKind === 'dir' &&
      !['Containerfile', 'Dockerfile'].some((f) => kindOf(path.resolve(ctx.dir, context, f)) === 'file')
    ) {
      errors.push({
        path: item.context === undefined ? ['images', index] : ['images', index, 'context'],
        message: `No Containerfile or Dockerfile in build context ${shown(ctx, context)}`,
        hint: `Add ${path.join(context, 'Containerfile')}, or set \`containerfile\` to its path (relative to ${ctx.fileName}).`,
      });
    }
  }

  const cluster = isRawMap(ctx.data) ? ctx.data.cluster : undefined;
  const kindConfig = text(cluster, 'kindConfig');
  if (kindConfig !== undefined) check(['cluster', 'kindConfig'], kindConfig, 'kind config file', 'file');

  for (const { index, item } of entries(ctx.data, 'deploy')) {
    for (const m of texts(item, 'manifests'))
      check(['deploy', index, 'manifests', m.index], m.value, 'Manifest path', 'any');
    const kustomize = text(item, 'kustomize');
    if (
      kustomize === undefined ||
      check(['deploy', index, 'kustomize'], kustomize, 'Kustomize directory', 'dir') !== 'dir'
    )
      continue;
    if (!KUSTOMIZATION_FILES.some((f) => kindOf(path.resolve(ctx.dir, kustomize, f)) === 'file')) {
      errors.push({
        path: ['deploy', index, 'kustomize'],
        message: `No kustomization.yaml in ${shown(ctx, kustomize)}`,
        hint: 'Point `kustomize` at the directory that holds kustomization.yaml, or use `manifests` instead.',
      });
    }
  }

  const testCwd = text(isRawMap(ctx.data) ? ctx.data.test : undefined, 'cwd');
  if (testCwd !== undefined) check(['test', 'cwd'], testCwd, 'Test working directory', 'dir');
  return { errors, warnings: [] };
}

// `svc/api`, plus where that lands relative to the user's cwd when it differs from what was written.
function shown(ctx: RuleContext, written: string): string {
  const relative = path.relative(ctx.cwd, path.resolve(ctx.dir, written)) || '.';
  const asWritten = path.normalize(written).replace(/(.)[/\\]$/, '$1');
  return asWritten === relative ? `\`${written}\`` : `\`${written}\` (resolved to \`${relative}\`)`;
}

function fixHint(ctx: RuleContext, kind: Kind, want: 'file' | 'dir' | 'any'): string {
  const against = `relative paths are resolved against the directory of ${ctx.fileName}`;
  if (kind !== 'missing') return `Point it at a ${want === 'dir' ? 'directory' : 'file'}; ${against}.`;
  return `Create ${want === 'dir' ? 'the directory' : want === 'file' ? 'the file' : 'it'} or fix the path; ${against}.`;
}
