// The normalised environment: what the rest of tarmac consumes after config loading.
// All paths are absolute; all durations are milliseconds; defaults are filled in.

export interface ImageSpec {
  name: string;
  /** Absolute build context directory. */
  contextDir: string;
  /** Absolute Containerfile/Dockerfile path. */
  containerfile: string;
  args: Record<string, string>;
  target?: string;
  weight: number;
  dependsOn: string[];
}

export interface DeployGroupSpec {
  name: string;
  /** Absolute manifest files or directories. */
  manifests: string[];
  /** Absolute kustomize directory. */
  kustomize?: string;
  /** Objects to wait for; undefined means every workload of the group. */
  wait?: { kind: string; name: string; condition?: string }[];
  after: string[];
  /** Namespace for the group's objects that name none. */
  namespace?: string;
  /** A Helm chart rendered with `helm template`. */
  helm?: HelmChartSpec;
  /** Commands run before the group is applied and after it is ready (absent: none). */
  hooks?: { before: HookSpec[]; after: HookSpec[] };
}

/** A deploy group's hook: a command run as its own step with the tests' endpoint environment. */
export interface HookSpec {
  /** Unique within its group and phase; the step is `hook:<group>/<name>`. */
  name: string;
  command: string[];
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  timeoutMs: number;
}

/** A deploy group's Helm chart and its values, in the order helm applies them. */
export interface HelmChartSpec {
  /** Absolute chart directory or packaged .tgz. */
  chart: string;
  release: string;
  /** Absolute values files (`--values`), in order. */
  valuesFiles: string[];
  /** Inline values, passed after the files. */
  values: Record<string, unknown>;
  /** `--set` pairs, passed last. */
  set: Record<string, string | number | boolean>;
}

export interface TestSpec {
  command: string[];
  env: Record<string, string>;
  /** Absolute JUnit XML path. */
  junit?: string;
  timeoutMs: number;
  /** Absolute working directory. */
  cwd: string;
  /** argv printing one test id per line (for sharding), run in `cwd`. */
  list?: string[];
}

/** One cluster of a suite (on the podman target: one network and its pods). */
export interface SuiteClusterSpec {
  /** The name within the suite, e.g. `hub`. */
  name: string;
  /** The cluster's own name: `<env>-<suite>-<cluster>`. */
  clusterName: string;
  /** Absolute kind config path. */
  kindConfig?: string;
  /** Names of the suite's deploy groups applied to this cluster. */
  groups: string[];
}

/** One end-to-end suite of a multi-suite file. */
export interface SuiteSpec {
  name: string;
  /** Top-level image names the suite needs. */
  images: string[];
  /** The groups it deploys: the shared ones it `uses`, then its own. */
  deploy: DeployGroupSpec[];
  clusters: SuiteClusterSpec[];
  test?: TestSpec;
  /** Declared memory footprint in bytes. */
  memoryBytes?: number;
}

export interface Timeouts {
  build: number;
  cluster: number;
  deliver: number;
  deploy: number;
  test: number;
  stall: number;
  heartbeat: number;
  /** How long the scheduler waits for a crashed engine to come back. */
  engineRecovery: number;
}

export interface Env {
  name: string;
  /** Absolute path of the config file. */
  file: string;
  /** Directory of the config file; relative paths resolve against it. */
  dir: string;
  /** Where tarmac keeps runs, kubeconfigs and state: `<dir>/.tarmac`. */
  stateDir: string;
  engine: { type: 'auto' | 'podman' | 'docker'; connection?: string; url?: string };
  images: ImageSpec[];
  cluster: { target: 'auto' | 'kind' | 'podman'; name: string; kindConfig?: string; reuse: 'healthy' | 'never' };
  deploy: DeployGroupSpec[];
  test?: TestSpec;
  capacity: number;
  /** Memory suites running side by side may hold at once, in bytes (absent: no limit). */
  memoryBytes?: number;
  /** The file's suites; absent when it declares none (a single-env file). */
  suites?: SuiteSpec[];
  timeouts: Timeouts;
  registry?: { url: string; push: boolean; pull: boolean; insecure: boolean; username?: string; password?: string };
  /** Absolute path of the SQLite history file. */
  historyPath: string;
  /** Disk guard: least free bytes wanted before building; optional prune of old dangling tarmac images (absent: defaults, e.g. in test kits). */
  disk?: {
    minFreeBytes: number;
    pruneDanglingOlderThanMs?: number;
    /** How many runs keep their directory (disk.prune.keepRuns, default DEFAULT_KEEP_RUNS). */
    keepRuns?: number;
  };
}
