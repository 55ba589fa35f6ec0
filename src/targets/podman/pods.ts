// The current pods of a deploy group as PodViews: live podman state, the target's own readiness
// probes, and for containers that crashed, the last exit code and log lines. A crash loop is
// stopped once seen (see crash-stop.ts).
import type { EnvIdentity } from '../../config/project-identity.js';
import type { PodView } from '../../kube/types.js';
import { stopCrashLoop, stoppedEvent } from './crash-stop.js';
import { lastExitCode, logTail } from './crash-evidence.js';
import type { ContainerRecord } from './inspect.js';
import type { EnvListing } from './env-listing.js';
import { LABEL_GROUP } from './names.js';
import type { PlayUnit } from './play-plan.js';
import type { PodmanCli } from './podman-cli.js';
import { containerName, isCrashLooping, toPodView, type ContainerExtras } from './pod-view.js';
import type { ReadinessProber } from './readiness.js';
import type { StateStore, StoppedCrash } from './state.js';

export interface PodsDeps {
  cli: PodmanCli;
  id: EnvIdentity;
  prober: ReadinessProber;
  store: StateStore;
  now: () => number;
  /** The env's pods and containers: read now, or the run's shared listing (see env-listing.ts). */
  listing: (signal?: AbortSignal) => Promise<EnvListing>;
  /** Told when a crash loop was stopped here: the env changed. */
  changed: () => void;
}

/** PodViews of the group's pods (those labelled with the group, or planned for it). */
export async function groupPodViews(
  deps: PodsDeps,
  group: string,
  units: PlayUnit[],
  signal?: AbortSignal,
): Promise<PodView[]> {
  const planned = new Map(units.map((u) => [u.podName, u]));
  const [listing, state] = await Promise.all([deps.listing(signal), deps.store.read()]);
  const pods = listing.pods.filter((p) => p.labels[LABEL_GROUP] === group || planned.has(p.name));
  if (pods.length === 0) return [];
  const containers = await listing.containers();
  return Promise.all(
    pods.map(async (pod) => {
      const own = containers.filter((c) => c.podId === pod.id).sort((a, b) => a.name.localeCompare(b.name));
      const extras = new Map<string, ContainerExtras>();
      const events: NonNullable<PodView['events']> = [];
      await Promise.all(
        own.map(async (c) => {
          const name = containerName(c, pod.name);
          const stopped = state.stopped?.[c.id];
          const found =
            stopped && c.status !== 'running'
              ? fromStopped(stopped)
              : await containerExtras(deps, c, planned.get(pod.name)?.probes[name], pod.created, signal);
          if (found.stopped) events.push(stoppedEvent(name, found.stopped));
          extras.set(c.id, found.extras);
        }),
      );
      const view = toPodView(pod, own, extras, deps.now());
      return events.length > 0 ? { ...view, events: [...(view.events ?? []), ...events] } : view;
    }),
  );
}

type Found = { extras: ContainerExtras; stopped?: StoppedCrash };

function fromStopped(stopped: StoppedCrash): Found {
  return {
    extras: { ...(stopped.exitCode === undefined ? {} : { lastExitCode: stopped.exitCode }), logTail: stopped.logTail },
    stopped,
  };
}

async function containerExtras(
  deps: PodsDeps,
  c: ContainerRecord,
  probeSpec: PlayUnit['probes'][string] | undefined,
  since: string | undefined,
  signal?: AbortSignal,
): Promise<Found> {
  const probe = await deps.prober.check(c, probeSpec, signal);
  const crashed = c.restartCount > 0 || ((c.status === 'exited' || c.status === 'stopped') && c.exitCode !== 0);
  if (!crashed) return { extras: probe ? { probe } : {} };
  const [exit, tail] = await Promise.all([lastExitCode(deps.cli, c, since, signal), logTail(deps.cli, c.id, signal)]);
  const extras: ContainerExtras = {
    ...(probe ? { probe } : {}),
    ...(exit === undefined ? {} : { lastExitCode: exit }),
    logTail: tail,
  };
  if (!isCrashLooping(c, deps.now())) return { extras };
  deps.changed();
  const stopped = await stopCrashLoop(
    deps.cli,
    deps.store,
    c,
    { ...(exit === undefined ? {} : { exitCode: exit }), logTail: tail },
    signal,
  );
  return { extras, stopped };
}
