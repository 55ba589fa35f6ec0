// The host-wide podman reads that the targets of one run share (see fresh-read.ts): every env of a suites run has its
// own target, but they all ask the same engine for the host's pods and networks.
import type { ContainerEngine } from '../../engines/types.js';
import { FreshRead } from './fresh-read.js';
import { allPods, type PodRecordLive } from './inspect.js';
import { listNetworks, type NetworkInfo } from './network.js';
import { podmanCli } from './podman-cli.js';

/** The shared reads of one engine. */
export interface HostReads {
  /** Every pod on the host (`pod ps`), whoever made it. */
  pods: FreshRead<PodRecordLive[]>;
  /** Every network on the host (`network ls`), whoever made it. */
  networks: FreshRead<NetworkInfo[]>;
}

// Keyed by the engine object: the targets of one run share it; another engine (another connection) reads its own.
const byEngine = new WeakMap<ContainerEngine, HostReads>();

/** The reads shared by every target on `engine` in this process. */
export function hostReads(engine: ContainerEngine): HostReads {
  let reads = byEngine.get(engine);
  if (!reads) {
    const cli = podmanCli(engine);
    reads = { pods: new FreshRead(() => allPods(cli)), networks: new FreshRead(() => listNetworks(cli)) };
    byEngine.set(engine, reads);
  }
  return reads;
}
