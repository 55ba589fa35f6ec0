// Whether tarmac runs in CI, and whether that CI is GitHub Actions (workflow commands on stdout).

export interface CiMode {
  /** CI=true|1 or --ci: plain output, annotations, summary, automatic bundle on failure. */
  ci: boolean;
  /** GITHUB_ACTIONS=true: annotations use the `::error` workflow-command syntax. */
  github: boolean;
}

/** CI mode from the environment and the --ci flag. */
export function ciMode(env: NodeJS.ProcessEnv, flag = false): CiMode {
  const ci = flag || env.CI === 'true' || env.CI === '1';
  return { ci, github: ci && env.GITHUB_ACTIONS === 'true' };
}
