// Cross-field rules for Helm deploy groups: the Helm fields need a chart, the chart must be one helm can read,
// the release name (by default the group name) must be one helm accepts, and the values files must exist.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../finding.js';
import { entries, text, texts } from './raw.js';
import type { RuleContext, RuleOutput } from './raw.js';

const HELM_ONLY = ['release', 'valuesFiles', 'values', 'set'] as const;
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Helm fields without `chart`, a chart that is neither a chart directory nor a .tgz, missing values files. */
export function checkHelm(ctx: RuleContext): RuleOutput {
  const errors: Finding[] = [];
  for (const { index, item } of entries(ctx.data, 'deploy')) {
    const chart = text(item, 'chart');
    if (chart === undefined) {
      for (const key of HELM_ONLY.filter((k) => item[k] !== undefined))
        errors.push({
          path: ['deploy', index, key],
          atKey: true,
          message: `\`${key}\` is a Helm setting, but this deploy group has no \`chart\``,
          hint: 'Add `chart: <chart directory or .tgz>`, or remove the Helm settings.',
        });
      continue;
    }
    const chartProblem = problemWithChart(path.resolve(ctx.dir, chart));
    if (chartProblem)
      errors.push({
        path: ['deploy', index, 'chart'],
        message: `Helm chart \`${chart}\` ${chartProblem}`,
        hint: `Point \`chart\` at a chart directory (with Chart.yaml) or a packaged .tgz, relative to ${ctx.fileName}.`,
      });
    const groupName = text(item, 'name');
    if (item.release === undefined && groupName !== undefined && !RELEASE_NAME.test(groupName))
      errors.push({
        path: ['deploy', index, 'name'],
        message: `The release name defaults to the group name \`${groupName}\`, which Helm refuses (only lowercase letters, digits and "-")`,
        hint: 'Set `release:` to a name such as `' + groupName.replace(/[^a-z0-9-]/g, '-') + '`.',
      });
    for (const file of texts(item, 'valuesFiles')) {
      const info = statSync(path.resolve(ctx.dir, file.value), { throwIfNoEntry: false });
      if (info?.isFile() === true) continue;
      errors.push({
        path: ['deploy', index, 'valuesFiles', file.index],
        message: `Helm values file \`${file.value}\` ${info === undefined ? 'does not exist' : 'is not a file'}`,
        hint: `Create it or fix the path; relative paths are resolved against the directory of ${ctx.fileName}.`,
      });
    }
  }
  return { errors, warnings: [] };
}

function problemWithChart(abs: string): string | undefined {
  const info = statSync(abs, { throwIfNoEntry: false });
  if (info === undefined) return 'does not exist';
  if (info.isDirectory())
    return statSync(path.join(abs, 'Chart.yaml'), { throwIfNoEntry: false })?.isFile() === true
      ? undefined
      : 'is a directory without Chart.yaml';
  return /\.tgz$|\.tar\.gz$/.test(abs) ? undefined : 'is a file but not a packaged chart (.tgz)';
}
