// Which instance of the engine's API service answers: the identity of its unix socket. `podman system service` and
// dockerd remove and re-create their socket when they start, so a new inode means the service restarted.
import { statSync } from 'node:fs';
import type { ContainerEngine } from './types.js';

/** The docker CLI's socket when neither DOCKER_HOST nor -H names one. */
const DOCKER_DEFAULT_SOCKET = 'unix:///var/run/docker.sock';

/** The socket path of a `unix://` engine URL; undefined for ssh://, tcp:// or no URL. */
export function unixSocketPath(url: string | undefined): string | undefined {
  return url?.startsWith('unix://') ? url.slice('unix://'.length) : undefined;
}

/** The URL the engine's client talks to: its connection flag or variable (tarmac's own environment as podman sees it). */
export function engineServiceUrl(engine: ContainerEngine, processEnv: NodeJS.ProcessEnv): string | undefined {
  const env = engine.toolEnv();
  if (engine.name === 'docker') return env.DOCKER_HOST ?? processEnv.DOCKER_HOST ?? DOCKER_DEFAULT_SOCKET;
  // Local podman (no URL) runs no service: nothing can restart behind tarmac's back.
  return env.CONTAINER_HOST ?? processEnv.CONTAINER_HOST;
}

/**
 * A reader of the service's identity, `<inode>@<ctime>` of its socket; it reads undefined when the engine is not
 * behind a local unix socket (local podman, ssh, tcp) or the socket is gone. Cheap: one stat, no engine call.
 */
export function serviceInstanceReader(url: string | undefined): () => string | undefined {
  const path = unixSocketPath(url);
  return () => {
    if (path === undefined) return undefined;
    try {
      const s = statSync(path);
      return `${s.ino}@${s.ctimeMs}`;
    } catch {
      return undefined;
    }
  };
}
