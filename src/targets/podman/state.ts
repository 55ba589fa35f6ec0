// What the podman target created for one env, recorded on disk so that `down` (maybe in another
// process) removes exactly that, and so that `endpoints` knows which pod serves which Service.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TarmacError, ExitCode } from '../../errors/errors.js';
import type { WorkloadRef } from '../../kube/types.js';

export interface PodRecord {
  name: string;
  group: string;
  workload: WorkloadRef;
  /** Manifest file and line the workload came from, for messages. */
  source: string;
  /** The YAML file that was played (kept for debugging, removed by down). */
  playFile: string;
  /** Container port -> host port on 127.0.0.1. */
  hostPorts: Record<string, number>;
}

export interface TargetState {
  version: 1;
  env: string;
  /** The env network, and whether tarmac created it (only then does down remove it). */
  network?: { name: string; created: boolean };
  pods: Record<string, PodRecord>;
  /** Service name -> the pod that serves it and the port (== targetPort) it listens on. */
  services: Record<string, { pod: string; port: number; group: string }>;
  /** Volumes created for PersistentVolumeClaims. */
  volumes: string[];
  /**
   * podman secrets that `kube play` created for the env's Secrets. Recorded by name (before each play: a failed play
   * may have made them) because podman 4.3.1 gives them no labels; down removes these and no other.
   */
  secrets?: string[];
  /** Crash-looping containers tarmac stopped, by container id, with the evidence taken before stopping. */
  stopped?: Record<string, StoppedCrash>;
}

export interface StoppedCrash {
  /** Exit code of the last crash (the stop itself would show 137). */
  exitCode?: number;
  logTail: string[];
  at: string;
}

/** The target's state file and its folder of played YAML files, under the env's state dir. */
export function statePaths(stateDir: string): { file: string; playDir: string } {
  return { file: join(stateDir, 'podman-target.json'), playDir: join(stateDir, 'podman-target') };
}

/** Reads, updates (serialised within this process) and removes the state file. */
export class StateStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly env: string,
  ) {}

  /** The recorded state; an empty one when there is no file. */
  async read(): Promise<TargetState> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw new TarmacError('TARGET_STATE_UNREADABLE', `could not read ${this.file}`, {
        cause: error,
        exitCode: ExitCode.environment,
      });
    }
    try {
      const state = JSON.parse(text) as TargetState;
      if (state.version !== 1 || state.env !== this.env)
        throw new Error(`unexpected version or env (${String(state.version)}, ${String(state.env)})`);
      return { ...this.empty(), ...state };
    } catch (error) {
      throw new TarmacError(
        'TARGET_STATE_UNREADABLE',
        `${this.file} is not a podman target state file of env ${this.env}`,
        {
          cause: error,
          exitCode: ExitCode.environment,
          hint: `Remove what the env created by its labels (podman pod rm -f $(podman pod ps -q --filter label=io.tarmac.env=${this.env})), then delete ${this.file}.`,
        },
      );
    }
  }

  /** Applies `change` to the state and writes it atomically; calls are serialised. */
  update(change: (state: TargetState) => void): Promise<TargetState> {
    const next = this.queue.then(async () => {
      const state = await this.read();
      change(state);
      await mkdir(dirname(this.file), { recursive: true });
      const partial = `${this.file}.${process.pid}.partial`;
      await writeFile(partial, `${JSON.stringify(state, null, 2)}\n`);
      await rename(partial, this.file);
      return state;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Deletes the state file (after down). */
  async remove(): Promise<void> {
    await rm(this.file, { force: true });
  }

  private empty(): TargetState {
    return { version: 1, env: this.env, pods: {}, services: {}, volumes: [] };
  }
}
