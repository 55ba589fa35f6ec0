// `--heal`: bring a crashed engine back where tarmac knows how (a podman machine); otherwise say why not and wait.
import { errorLine } from '../engines/classify.js';
import type { ContainerEngine } from '../engines/types.js';
import type { EngineHealer } from './recovery.js';

const LIST_TIMEOUT_MS = 15_000;
/** Starting a VM takes a while; the recovery bound stops it earlier through the signal. */
const MACHINE_TIMEOUT_MS = 300_000;

interface MachineEntry {
  Name?: string;
  Default?: boolean;
  Running?: boolean;
  Starting?: boolean;
}

/** The healer for `--heal`: restarts the podman machine behind the engine; never throws. */
export function engineHealer(engine: ContainerEngine): EngineHealer {
  // Why host-local: machines are this host's VMs, whatever service the connection flags select.
  const podmanMachine = (args: string[], signal: AbortSignal, timeoutMs: number) =>
    engine.exec(['machine', ...args], { hostLocal: true, signal, timeoutMs });
  return async (signal) => {
    const remote = remoteUrl(engine);
    if (engine.name === 'docker')
      return 'cannot heal: tarmac does not restart the Docker daemon; waiting for it to come back';
    if (remote !== undefined)
      return `cannot heal: the engine is the API service at ${remote}, which tarmac did not start; waiting for it to come back`;
    const listed = await podmanMachine(['list', '--format', 'json'], signal, LIST_TIMEOUT_MS);
    if (!listed.ok)
      return `cannot heal: no podman machine to restart (${errorLine(listed) ?? 'podman machine list failed'}); waiting`;
    const machine = pickMachine(listed.stdout);
    if (machine?.Name === undefined)
      return 'cannot heal: podman runs without a machine here; waiting for it to come back';
    // A machine that claims to run while its API is dead needs a stop first, or `start` says "already running".
    if (machine.Running === true || machine.Starting === true) {
      await podmanMachine(['stop', machine.Name], signal, MACHINE_TIMEOUT_MS);
    }
    const started = await podmanMachine(['start', machine.Name], signal, MACHINE_TIMEOUT_MS);
    if (!started.ok)
      return `podman machine start ${machine.Name} failed: ${errorLine(started) ?? `exit ${String(started.exitCode)}`}`;
    return `restarted podman machine ${machine.Name}`;
  };
}

/** The API URL of a remote engine (its --url, CONTAINER_HOST or DOCKER_HOST), undefined for a local one. */
function remoteUrl(engine: ContainerEngine): string | undefined {
  const env = engine.toolEnv();
  return env.CONTAINER_HOST ?? env.DOCKER_HOST;
}

/** The default machine, else the first one. */
function pickMachine(stdout: string): MachineEntry | undefined {
  try {
    const list = JSON.parse(stdout || '[]') as MachineEntry[];
    if (!Array.isArray(list)) return undefined;
    return list.find((m) => m.Default === true) ?? list[0];
  } catch {
    return undefined;
  }
}
