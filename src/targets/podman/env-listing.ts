// One read of the env's pods and containers shared by a run's checks (issue 16): a no-change `up` asks "is the group
// in place" for each deploy group and then the endpoints for the test step; each asked `pod ps`, `ps` and an inspect
// of its own, nine engine calls for one unchanged state. The shared read is taken once and forgotten as soon as
// anything may have changed the env (see PodmanTarget), so no check ever sees a state older than the run's last change.
import type { EnvIdentity } from '../../config/project-identity.js';
import {
  envPods,
  inspectContainers,
  listEnvContainers,
  type ContainerBrief,
  type ContainerRecord,
  type PodRecordLive,
} from './inspect.js';
import type { PodmanCli } from './podman-cli.js';
import { untilAborted } from './fresh-read.js';

/** The env's pods and containers as podman listed them at one moment. */
export interface EnvListing {
  pods: PodRecordLive[];
  /** The containers as `podman ps` lists them: enough for the endpoints. */
  listed: ContainerBrief[];
  /** The same containers inspected (restarts, exit codes, start times), asked the first time a reader needs them. */
  containers(): Promise<ContainerRecord[]>;
}

/** Lists the env's pods and its containers at once (the two listings do not depend on each other). */
export async function listEnv(cli: PodmanCli, id: EnvIdentity, signal?: AbortSignal): Promise<EnvListing> {
  const [pods, listed] = await Promise.all([envPods(cli, id, signal), listEnvContainers(cli, id, signal)]);
  let inspected: Promise<ContainerRecord[]> | undefined;
  const containers = (): Promise<ContainerRecord[]> => {
    if (!inspected) {
      const reading = inspectContainers(
        cli,
        listed.map((c) => c.id),
        signal,
      );
      inspected = reading;
      reading.catch(() => {
        if (inspected === reading) inspected = undefined;
      });
    }
    return inspected;
  };
  return { pods, listed, containers };
}

/** One listing shared by every reader until `forget()`; a failed read is not kept (the next reader asks again). */
export class SharedListing {
  private current: Promise<EnvListing> | undefined;

  constructor(private readonly read: () => Promise<EnvListing>) {}

  /** The shared listing, read now if there is none; `signal` ends this reader's wait, not the read others share. */
  get(signal?: AbortSignal): Promise<EnvListing> {
    if (!this.current) {
      const reading = this.read();
      this.current = reading;
      reading.catch(() => {
        if (this.current === reading) this.current = undefined;
      });
    }
    return untilAborted(this.current, signal);
  }

  /** Whether a listing is held (read or being read): a reader that could do with less reads it at no cost. */
  held(): boolean {
    return this.current !== undefined;
  }

  /** Drops the listing: the next reader lists the env again. */
  forget(): void {
    this.current = undefined;
  }
}
