// Shared setup of the kind-path triage scenarios (stand-ins on real podman): projects, cleanup, the top verdict.
import { execa } from 'execa';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { removeStandinCluster, removeStandinEnv, standinEnv, type StandinEnv } from '../fixtures/standins/support.js';
import { removeEnvImages } from '../support/podman-query.js';
import { uniqueEnvName } from '../support/tarmac-cli.js';
import { buildBase, down, lastRun, project, verdictDelayMs, type ProjectSpec } from './triage-scenario-kit.js';

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
    /** A kind project; `extra` manifests (objects) are written beside the Deployment. */
    make(
      prefix: string,
      opts: {
        container?: Record<string, unknown>;
        standin?: Record<string, string>;
        extra?: ProjectSpec['extra'];
        manifests?: string;
      } = {},
    ): KindScenario {
      const env = uniqueEnvName(prefix);
      const dir = project({
        env,
        base,
        container: opts.container ?? { command: ['/bin/busybox', 'sleep', '600'] },
        cluster: { target: 'kind' },
        ...(opts.extra ? { extra: opts.extra } : {}),
      });
      if (opts.manifests) writeFileSync(join(dir, 'manifests/extra.yaml'), opts.manifests);
      const standin = standinEnv({ STANDIN_KIND_SYSTEMD_TIMEOUT_MS: '1500', ...opts.standin });
      const s = { env, dir, standin, cluster: `${env}-e2e` };
      made.push(s);
      return s;
    },
    async cleanup(): Promise<void> {
      for (const { env, dir, standin, cluster } of made) {
        await down(dir, standin);
        await removeStandinCluster(cluster);
        removeStandinEnv(standin);
        await removeEnvImages(env);
        rmSync(dir, { recursive: true, force: true });
      }
      await execa('podman', ['rmi', '-f', base], { reject: false });
    },
  };
}

/** Asserts triage.json exists, the verdict came within 15 s and has evidence; returns the top verdict. */
export function topVerdict(dir: string, ruleId: string) {
  const { events, triage } = lastRun(dir);
  expect(triage, 'triage.json').toBeDefined();
  const top = triage!.verdicts[0];
  expect(top?.ruleId, JSON.stringify(triage, null, 1)).toBe(ruleId);
  expect(top!.evidence.length).toBeGreaterThan(0);
  expect(verdictDelayMs(events, triage!)).toBeLessThan(15_000);
  return top!;
}
