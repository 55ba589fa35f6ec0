// Shared setup of the kind-path triage scenarios (stand-ins on real podman): projects, cleanup, the top verdict.
import { execa } from 'execa';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeStandinCluster, removeStandinEnv, standinEnv, type StandinEnv } from '../fixtures/standins/support.js';
import { removeEnvImages } from '../support/podman-query.js';
import { uniqueEnvName } from '../support/tarmac-cli.js';
import { buildBase, down, project, type ProjectSpec } from './triage-scenario-kit.js';

export interface KindScenario {
  env: string;
  dir: string;
  standin: StandinEnv;
  cluster: string;
}

/** One test file's kind scenarios: a labelled base image, the projects it made, and their cleanup. */
export function kindScenarios(tag: string) {
  const label = `io.tarmac.test=${tag}-${process.pid}`;
  const base = `localhost/tarmac-${tag}-${process.pid}:busybox`;
  const made: KindScenario[] = [];
  return {
    async setup(): Promise<void> {
      await buildBase(base, label);
    },
    /** A kind project; `manifests` are written beside the Deployment, `kindConfig` beside tarmac.yaml. */
    make(
      prefix: string,
      opts: {
        container?: Record<string, unknown>;
        standin?: Record<string, string>;
        extra?: ProjectSpec['extra'];
        manifests?: string;
        kindConfig?: string;
      } = {},
    ): KindScenario {
      const env = uniqueEnvName(prefix);
      const dir = project({
        env,
        base,
        container: opts.container ?? { command: ['/bin/busybox', 'sleep', '600'] },
        cluster: { target: 'kind', ...(opts.kindConfig ? { kindConfig: 'kind.yaml' } : {}) },
        ...(opts.extra ? { extra: opts.extra } : {}),
      });
      if (opts.manifests) writeFileSync(join(dir, 'manifests/extra.yaml'), opts.manifests);
      if (opts.kindConfig) writeFileSync(join(dir, 'kind.yaml'), opts.kindConfig);
      // kind's own 30 s wait for the node's systemd: a short one fails healthy nodes on a loaded machine (a
      // scenario of a node that never boots sets its own).
      const standin = standinEnv({ STANDIN_KIND_SYSTEMD_TIMEOUT_MS: '30000', ...opts.standin });
      const s = { env, dir, standin, cluster: `${env}-e2e` };
      made.push(s);
      return s;
    },
    /** Takes down and removes every project made so far (the base stays). */
    async removeProjects(): Promise<void> {
      for (const { env, dir, standin, cluster } of made.splice(0)) {
        await down(dir, standin);
        await removeStandinCluster(cluster);
        removeStandinEnv(standin);
        await removeEnvImages(env);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async cleanup(): Promise<void> {
      await this.removeProjects();
      await execa('podman', ['rmi', '-f', base], { reject: false });
    },
  };
}
