// `--suite NAME` for the commands that act on one live suite (test, logs, doctor): the suite's clusters, each with
// its own Env (config/suite-env.ts), in file order. NO_SUITES / UNKNOWN_SUITE (usage) come from chosenSuites.
import { suiteClusterEnv } from '../config/suite-env.js';
import type { Env, SuiteSpec } from '../config/types.js';
import { chosenSuites } from './suite-choice.js';

/** One cluster of the chosen suite: its name within the suite (`hub`) and its Env. */
export interface SuiteCluster {
  name: string;
  env: Env;
}

/** The suite named `name` and its clusters; throws the usage errors of an unknown suite before anything runs. */
export function suiteClusters(env: Env, name: string): { suite: SuiteSpec; clusters: SuiteCluster[] } {
  const [chosen] = chosenSuites(env, [name]);
  const suite = env.suites!.find((s) => s.name === chosen)!;
  return { suite, clusters: suite.clusters.map((c) => ({ name: c.name, env: suiteClusterEnv(env, suite, c) })) };
}
