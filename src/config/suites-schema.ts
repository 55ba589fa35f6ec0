// The `suites:` section of tarmac.yaml: several end-to-end suites in one file that share the top-level images
// (each built once per run) and deploy groups, each with its own cluster(s) and test command.
import { z } from 'zod';
import { DNS_LABEL } from './names.js';
import { sizeBytes } from './size.js';

const suiteName = z
  .string()
  .min(1, 'Expected a suite name')
  .max(20, 'Expected a suite name of at most 20 characters')
  .regex(DNS_LABEL, 'Expected a suite name of lowercase letters, digits and "-"');

const clusterKey = z
  .string()
  .min(1, 'Expected a cluster name')
  .max(12, 'Expected a cluster name of at most 12 characters')
  .regex(DNS_LABEL, 'Expected a cluster name of lowercase letters, digits and "-"');

const suiteCluster = z
  .strictObject({
    name: clusterKey.describe(
      'Cluster name within the suite, e.g. `hub` or `spoke`; the cluster is `<name>-<suite>-<cluster>`.',
    ),
    kindConfig: z.string().optional().describe('kind cluster config file for this cluster, relative to this file.'),
    deploy: z
      .array(z.string())
      .default([])
      .describe("Deploy groups (the suite's own or ones it `uses`) applied to this cluster, by name."),
  })
  .describe(
    "One cluster (or, on the podman target, one network and its pods) of a suite. With several, the test gets each cluster's Services as TARMAC_SERVICE_<CLUSTER>_<NAME> and its kubeconfig as TARMAC_CLUSTER_<CLUSTER>_KUBECONFIG.",
  );

/** The suites list; the deploy group and test schemas are the top-level ones (passed in to avoid an import cycle). */
export function suitesSchema<G extends z.ZodType, T extends z.ZodType>(deployGroup: G, test: T) {
  const suite = z
    .strictObject({
      name: suiteName.describe('Suite name, for `--suite`, results and history; a DNS label of at most 20 characters.'),
      images: z
        .array(z.string())
        .default([])
        .describe('Top-level images this suite needs (built once per run, however many suites use them).'),
      uses: z.array(z.string()).default([]).describe('Top-level deploy groups this suite deploys, by name.'),
      deploy: z.array(deployGroup).default([]).describe("The suite's own deploy groups."),
      clusters: z
        .array(suiteCluster)
        .min(1, 'Expected at least one cluster')
        .optional()
        .describe('Named clusters, each with its deploy groups; default: one cluster `main` with every group.'),
      test: test.optional(),
      memory: sizeBytes
        .optional()
        .describe(
          'Memory the suite holds while it runs, e.g. "3GiB"; default: the highest peak its containers used in its last 10 measured runs (history), else 1GiB per cluster. Suites wait rather than exceed `build.memory`.',
        ),
    })
    .describe('An end-to-end suite: its images, deploy groups, clusters and test command.');
  return z
    .array(suite)
    .optional()
    .describe(
      'Several suites in one file. `tarmac up --suite a,b` / `--all` runs them side by side in one plan (each image built once, each suite cluster its own env; `tarmac up` alone runs the top-level groups and test); `tarmac plan --suites` predicts them and `tarmac ci matrix` fans them out. Hooks of the groups a suite deploys are not run yet (refused).',
    );
}
