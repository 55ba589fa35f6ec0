// The podman adapter: podman's CLI flags on top of the shared CliEngine.
import type { CommandRunner } from '../exec/types.js';
import { CliEngine } from './cli-engine.js';
import type { EngineDialect } from './engine-dialect.js';
import { parsePodmanInfo } from './parse-info.js';

/**
 * Build isolation. Default `chroot`, decided on podman 4.3.1 here (Debian 12, root, runc, cgroupfs v1):
 * `oci`, `chroot` and podman's default all build RUN steps, with and without CONTAINERS_CONF; but on
 * hosts where the OCI runtime is crun with a hybrid cgroup layout, or where rlimits cannot be raised,
 * `oci` RUN steps fail ("cgroups in hybrid mode not supported", "setrlimit RLIMIT_NOFILE") while
 * `chroot` needs neither an OCI runtime, cgroups nor rlimits (see PODMAN-HERE.md). `default` passes
 * no flag, so containers.conf or BUILDAH_ISOLATION decide.
 */
export type PodmanIsolation = 'chroot' | 'oci' | 'default';

export interface PodmanOptions {
  /** `--url`, e.g. `unix:///run/podman/podman.sock` or `ssh://...`. */
  url?: string;
  /** `--connection` name from `podman system connection list`. */
  connection?: string;
  isolation?: PodmanIsolation;
  /** Extra environment for every call (e.g. CONTAINER_HOST, CONTAINERS_CONF). */
  env?: Record<string, string>;
  /** The podman binary (default `podman`). */
  bin?: string;
  opTimeoutMs?: number;
}

/** The podman dialect for the given build isolation. */
export function podmanDialect(isolation: PodmanIsolation = 'chroot'): EngineDialect {
  return {
    name: 'podman',
    buildFlags: isolation === 'default' ? [] : [`--isolation=${isolation}`],
    labelsInContainerfile: true,
    psFlags: [],
    // Why -t 0: `rm -f` would first wait podman's 10s stop timeout for every running container.
    rmFlags: ['-f', '-t', '0'],
    imageExistsArgs: (ref) => ['image', 'exists', ref],
    registryFlags: (insecure) => (insecure ? ['--tls-verify=false'] : []),
    authFileUse: (path) => ({ args: ['--authfile', path], env: {} }),
    parseInfo: parsePodmanInfo,
  };
}

/** The global flags selecting podman's connection. */
export function podmanGlobalArgs(options: Pick<PodmanOptions, 'url' | 'connection'>): string[] {
  const args: string[] = [];
  if (options.url !== undefined) args.push('--url', options.url);
  if (options.connection !== undefined) args.push('--connection', options.connection);
  return args;
}

/** A podman ContainerEngine; CONTAINER_HOST in the environment is honoured by podman itself. */
export function createPodmanEngine(runner: CommandRunner, options: PodmanOptions = {}): CliEngine {
  return new CliEngine({
    dialect: podmanDialect(options.isolation),
    runner,
    bin: options.bin ?? 'podman',
    globalArgs: podmanGlobalArgs(options),
    env: options.env ?? {},
    ...(options.opTimeoutMs === undefined ? {} : { opTimeoutMs: options.opTimeoutMs }),
  });
}
