// Workload evidence on the podman target: the env's pods and containers as PodViews, with the exit code and
// log tail of crashed containers (or what tarmac recorded when it stopped a crash loop).
import type { Env } from '../../../config/types.js';
import { podFacts } from '../../../triage/evidence/pod-facts.js';
import type { PodFacts } from '../../../triage/types.js';
import type { EvidenceDeps } from '../../evidence-types.js';
import { envIdentity } from '../../../config/project-identity.js';
import { envContainers, envPods, type ContainerRecord } from '../inspect.js';
import { podmanCli } from '../podman-cli.js';
import { toPodView, type ContainerExtras } from '../pod-view.js';
import { StateStore, statePaths, type StoppedCrash } from '../state.js';

/** PodFacts of every pod of the env on podman. */
export async function podmanPods(deps: EvidenceDeps): Promise<PodFacts[]> {
  const { env, engine, log: raw, signal } = deps;
  // Every podman call is recorded in the raw log.
  const cli = podmanCli(engine, { timeoutMs: 4_000, signal }, (result) => raw.result(result));
  const [pods, containers, stopped] = await Promise.all([
    envPods(cli, envIdentity(env), signal),
    envContainers(cli, envIdentity(env), signal),
    stoppedCrashes(env),
  ]);
  const now = Date.now();
  return Promise.all(
    pods.map(async (pod) => {
      const own = containers.filter((c) => c.podId === pod.id);
      const extras = new Map<string, ContainerExtras>();
      await Promise.all(
        own.filter(crashed).map(async (c) => extras.set(c.id, await crashExtras(cli.run, c, stopped[c.id], signal))),
      );
      return podFacts(toPodView(pod, own, extras, now));
    }),
  );
}

function crashed(c: ContainerRecord): boolean {
  return c.restartCount > 0 || ((c.status === 'exited' || c.status === 'stopped') && c.exitCode !== 0);
}

async function crashExtras(
  run: ReturnType<typeof podmanCli>['run'],
  c: ContainerRecord,
  stopped: StoppedCrash | undefined,
  signal: AbortSignal,
): Promise<ContainerExtras> {
  // A crash loop tarmac stopped: its own stop would show exit 137, so the recorded evidence is the truth.
  if (stopped)
    return { ...(stopped.exitCode === undefined ? {} : { lastExitCode: stopped.exitCode }), logTail: stopped.logTail };
  const logs = await run(['logs', '--tail', '20', c.id], { signal, tailLines: 20 });
  return { lastExitCode: c.exitCode, logTail: logs.ok ? logs.tail : [] };
}

async function stoppedCrashes(env: Env): Promise<Record<string, StoppedCrash>> {
  try {
    return (await new StateStore(statePaths(env.stateDir).file, env.name).read()).stopped ?? {};
  } catch {
    return {};
  }
}
