import { z } from "zod";
import { durationMs } from "./duration.js";
import { diskSchema } from "./disk-schema.js";
import { hooksSchema } from "./hook-schema.js";
import { MAX_CAPACITY } from "./limits.js";
import { clusterName, envName, partName } from "./names.js";
import { sizeBytes } from "./size.js";
import { suitesSchema } from "./suites-schema.js";
const engine = z.strictObject({
  type: z.enum(["auto", "podman", "docker"]).default("auto").describe("Container engine CLI to use; auto prefers podman, then docker."),
  connection: z.string().optional().describe("Named podman system connection (podman --connection)."),
  url: z.string().optional().describe("Engine API URL, e.g. unix:///run/podman/podman.sock (CONTAINER_HOST / DOCKER_HOST).")
}).describe("Which container engine builds the images and runs the cluster.");
const image = z.strictObject({
  name: partName.describe("Logical image name, used in manifests and as the image repository."),
  context: z.string().default(".").describe("Build context directory, relative to this file."),
  containerfile: z.string().optional().describe(
    "Containerfile/Dockerfile path relative to this file; default: Containerfile or Dockerfile in the context."
  ),
  args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}).describe("Build arguments (--build-arg)."),
  target: z.string().optional().describe("Multi-stage build target (--target)."),
  weight: z.number().int("Expected a whole number").min(1, "Expected a weight of at least 1").max(MAX_CAPACITY, `Expected a weight of at most ${MAX_CAPACITY}`).default(1).describe("Engine units this build claims while it runs; a weight above build.capacity runs alone."),
  dependsOn: z.array(z.string()).default([]).describe("Names of images in this file that this image is built FROM.")
}).describe("An image to build.");
const cluster = z.strictObject({
  target: z.enum(["auto", "kind", "podman"]).default("auto").describe("kind cluster, or pods on podman without a cluster; auto picks kind when installed."),
  name: clusterName.optional().describe(
    "Cluster name; default `<name>-e2e`. A DNS label of at most 49 characters (kind nodes are `<name>-control-plane`)."
  ),
  kindConfig: z.string().optional().describe("kind cluster config file, relative to this file."),
  reuse: z.enum(["healthy", "never"]).default("healthy").describe("Reuse an existing cluster when healthy, or always recreate.")
}).describe("Where the services run.");
const waitFor = z.strictObject({
  kind: z.string().default("Deployment").describe("Kubernetes kind to wait for."),
  name: z.string().describe("Object name."),
  condition: z.string().optional().describe(
    "Wait until the object reports this status condition True (e.g. Established for a CRD, Available, Complete); default: its readiness."
  )
}).describe("A Kubernetes object whose readiness (or condition) the group waits for.");
const deployGroup = z.strictObject({
  name: partName.describe("Group name, referenced by `after`."),
  manifests: z.array(z.string()).default([]).describe("Manifest files or directories, relative to this file."),
  kustomize: z.string().optional().describe("A kustomize directory, relative to this file."),
  wait: z.array(waitFor).optional().describe("Objects to wait for; default: every Deployment, StatefulSet and DaemonSet of the group."),
  after: z.array(z.string()).default([]).describe("Groups that must be ready first."),
  namespace: z.string().max(63, "Expected a namespace of at most 63 characters").regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'Expected a namespace of lowercase letters, digits and "-"').optional().describe(
    "Namespace for the objects that name none (cluster-scoped kinds keep none); tarmac creates it on kind, labelled as its own."
  ),
  chart: z.string().optional().describe(
    "A Helm chart (a chart directory or a packaged .tgz), relative to this file; rendered with `helm template` and deployed like the manifests."
  ),
  release: z.string().max(53, "Expected a release name of at most 53 characters").regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'Expected a release name of lowercase letters, digits and "-"').optional().describe("Helm release name (`.Release.Name`); default: the group name."),
  valuesFiles: z.array(z.string()).default([]).describe("Helm values files (`--values`), relative to this file, in order; later files win."),
  values: z.record(z.string(), z.unknown()).default({}).describe("Inline Helm values, applied after `valuesFiles`."),
  set: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}).describe(
    "Helm `--set` pairs, applied last: a key path (`image.tag`, `list[0]`) -> value; string values are passed with `--set-string`."
  ),
  hooks: hooksSchema.optional()
}).describe("Manifests, a kustomization and/or a Helm chart, applied together.");
const test = z.strictObject({
  command: z.array(z.string()).min(1, 'Expected the command as a non-empty argv list, e.g. ["node", "suite.mjs"]').describe("The test command as argv (no shell)."),
  env: z.record(z.string(), z.string()).default({}).describe("Extra environment for the test command."),
  junit: z.string().optional().describe("JUnit XML file the command writes, relative to this file."),
  timeout: durationMs.optional().describe("Time limit for the test command (default 30m)."),
  cwd: z.string().optional().describe("Working directory, relative to this file (default: this file's directory)."),
  list: z.array(z.string()).min(1, 'Expected the list command as a non-empty argv list, e.g. ["node", "suite.mjs", "--list"]').optional().describe(
    "Command (argv) printing one test id per line; with --shard I/N tarmac splits the sorted ids and passes this shard's in TARMAC_SHARD_TESTS."
  )
}).describe("The end-to-end test suite.");
const build = z.strictObject({
  capacity: z.number().int("Expected a whole number").min(1, "Expected a capacity of at least 1").max(MAX_CAPACITY, `Expected a capacity of at most ${MAX_CAPACITY}`).default(2).describe("Engine units that may be in use at once (concurrent build weight)."),
  memory: sizeBytes.optional().describe('Memory that suites running side by side may hold at once, e.g. "12GiB"; default: no limit.')
}).default({ capacity: 2 }).describe("Build scheduling.");
const DEFAULT_TIMEOUTS = {
  build: 9e5,
  cluster: 3e5,
  deliver: 18e4,
  deploy: 3e5,
  test: 18e5,
  stall: 12e4,
  heartbeat: 15e3,
  engineRecovery: 12e4
};
const timeouts = z.strictObject({
  build: durationMs.default(9e5).describe("Per image build (default 15m)."),
  cluster: durationMs.default(3e5).describe("Cluster create or reuse check (default 5m)."),
  deliver: durationMs.default(18e4).describe("Per image delivery (default 3m)."),
  deploy: durationMs.default(3e5).describe("Per deploy group, apply plus readiness (default 5m)."),
  test: durationMs.default(18e5).describe("The test step (default 30m)."),
  stall: durationMs.default(12e4).describe("No output for this long triggers an engine health probe (default 2m)."),
  heartbeat: durationMs.default(15e3).describe("Plain-mode progress line interval (default 15s)."),
  engineRecovery: durationMs.default(12e4).describe("After an engine crash, how long to wait for the engine to come back before failing (default 2m).")
}).default(DEFAULT_TIMEOUTS).describe('Time limits per step kind: "90s", "15m", "1h30m" or a number of seconds; at most 7 days.');
const registry = z.strictObject({
  url: z.string().min(1).describe("Registry and repository prefix, e.g. 127.0.0.1:5000/myteam."),
  push: z.boolean().default(false).describe("Push built images by content tag."),
  pull: z.boolean().default(false).describe("Pull images from the registry instead of building when present."),
  insecure: z.boolean().default(false).describe("Plain HTTP / no TLS verification (local registries)."),
  username: z.string().optional().describe("Registry user for push and pull; default: the engine's own login (`podman login`)."),
  password: z.string().optional().describe(
    "Registry password or token; better: leave it out and set TARMAC_REGISTRY_PASSWORD. Redacted from every log and report."
  )
}).describe("Registry mode: build once, push by content tag, pull elsewhere.");
const history = z.strictObject({
  path: z.string().default(".tarmac/history.db").describe("SQLite file of run history, relative to this file.")
}).default({ path: ".tarmac/history.db" }).describe("Where measured runs are kept for `tarmac history`, `stats` and `plan`.");
const configSchema = z.strictObject({
  $schema: z.string().optional().describe("Path or URL of the JSON Schema for this file, for editors."),
  name: envName.describe(
    'Environment name; prefixes clusters, networks and labels, so a DNS label (lowercase letters, digits, "-") of at most 40 characters.'
  ),
  engine: engine.default({ type: "auto" }),
  images: z.array(image).default([]).describe("Images to build, in any order; dependsOn orders them."),
  cluster: cluster.default({ target: "auto", reuse: "healthy" }),
  // prefault: the groups' hook durations are transforms, and a default over a transform is left out of the JSON Schema.
  deploy: z.array(deployGroup).prefault([]).describe("Deploy groups, applied in `after` order."),
  test: test.optional(),
  suites: suitesSchema(deployGroup, test),
  build,
  timeouts,
  registry: registry.optional(),
  history,
  disk: diskSchema
}).describe("tarmac environment definition.");
export {
  DEFAULT_TIMEOUTS,
  configSchema
};
//# sourceMappingURL=schema.js.map
