// All cross-field rules, run together after (and regardless of) schema validation.
import { checkDeploy } from './deploy.js';
import { checkHelm } from './helm.js';
import { checkHooks } from './hooks.js';
import { checkImages } from './images.js';
import { checkPaths } from './paths.js';
import { checkSuites } from './suites.js';
import type { RuleContext, RuleOutput } from './raw.js';
import { checkWritePaths } from './write-paths.js';

export type { RuleContext, RuleOutput } from './raw.js';

const RULES: readonly ((ctx: RuleContext) => RuleOutput)[] = [
  checkImages,
  checkDeploy,
  checkHelm,
  checkHooks,
  checkPaths,
  checkWritePaths,
  checkSuites,
];

/** Runs every rule over the raw document and collects their errors and warnings. */
export function runRules(ctx: RuleContext): RuleOutput {
  const outputs = RULES.map((rule) => rule(ctx));
  return { errors: outputs.flatMap((o) => o.errors), warnings: outputs.flatMap((o) => o.warnings) };
}
