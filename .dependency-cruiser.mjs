// Layering rules for src/, checked by `npm run lint` (depcruise). docs/architecture.md explains each rule;
// when a rule has to bend, change that file and this one together.

/** Test files and test kits (`*.test-kit.ts`, the one name for them): the only src/ modules that may use test kits. */
const TEST_CODE = '\\.test(-kit)?\\.ts$';
/** execa as it resolves (node_modules may be a symlink, so the resolved path need not start with it). */
const EXECA = '(^|/)node_modules/execa/';
/** Modules that run something: processes, files, the network, the engine, the cluster, the scheduler. */
const RUNS_THINGS = [
  '^src/(exec|engines|targets|registry|kube|orchestrate|cli|lease|reconcile|disk|watch|bundle|triage/evidence)/',
  '^(node:)?(child_process|fs|fs/promises|net|http|https|worker_threads|dgram|cluster)$',
  EXECA,
];
const ADAPTERS = '^src/(engines|targets|registry|kube)/';
/**
 * The triage replay harness (npm run bench:triage) builds a stand-in world from tarmac's real kind code and the
 * fake runner on purpose: it may use target internals and test kits. It stays bound by every other rule.
 */
const REPLAY_HARNESS = '^src/triage/replay/';

export default {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules form a tree of layers: an import cycle means two modules are really one, or one is misplaced.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'plan-is-pure',
      severity: 'error',
      comment:
        'src/plan/ turns data into a plan; it never runs anything (no processes, files, engine, cluster, orchestrate/).',
      from: { path: '^src/plan/', pathNot: TEST_CODE },
      to: { path: RUNS_THINGS },
    },
    {
      name: 'only-exec-spawns',
      severity: 'error',
      comment: 'Only src/exec/ starts processes; everyone else gets a Runner passed in.',
      from: { path: '^src/', pathNot: ['^src/exec/', TEST_CODE] },
      to: { path: [EXECA, '^(node:)?child_process$'] },
    },
    {
      name: 'adapters-stay-below-orchestrate-and-cli',
      severity: 'error',
      comment:
        'Adapters (engines, targets, registry, kube) are driven by orchestrate/ and cli/; they never reach back up.',
      from: { path: ADAPTERS },
      to: { path: '^src/(orchestrate|cli)/' },
    },
    {
      name: 'targets-through-their-surface',
      severity: 'error',
      comment:
        'Outside src/targets/, code uses a target through its public files (types, select, evidence, leftovers, deploy-check, ' +
        '<target>/index.ts), never its internals: a new target then means a new folder, not edits in triage, ' +
        'reconcile or disk.',
      from: { path: '^src/', pathNot: ['^src/targets/', TEST_CODE, REPLAY_HARNESS] },
      to: {
        path: '^src/targets/',
        pathNot: '^src/targets/((types|select|evidence|evidence-types|leftovers|deploy-check)\\.ts|[^/]+/index\\.ts)$',
      },
    },
    {
      name: 'no-test-kits-in-src',
      severity: 'error',
      comment: 'Shipped code never imports test files, test kits or test/ helpers.',
      from: { path: '^src/', pathNot: [TEST_CODE, REPLAY_HARNESS] },
      to: { path: ['^test/', TEST_CODE] },
    },
    {
      name: 'no-replay-harness-in-src',
      severity: 'error',
      comment:
        'Shipped code never imports the triage replay harness (src/triage/replay/, npm run bench:triage): the build ' +
        'leaves it out of dist/, and a harness may bend rules shipped code may not.',
      from: { path: '^src/', pathNot: [TEST_CODE, REPLAY_HARNESS] },
      to: { path: REPLAY_HARNESS },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
