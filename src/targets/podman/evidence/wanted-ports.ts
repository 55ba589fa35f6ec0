// Which host ports a podman env needs: those the target published for its pods (recorded in its state file).
import { readFile } from 'node:fs/promises';
import type { Env } from '../../../config/types.js';
import type { WantedPort } from '../../evidence-types.js';
import { statePaths } from '../state.js';

/** The host ports of the env's pods; a state file that cannot be read gives none. */
export async function podmanWantedPorts(env: Env): Promise<WantedPort[]> {
  try {
    const state = JSON.parse(await readFile(statePaths(env.stateDir).file, 'utf8')) as {
      pods?: Record<string, { name?: string; hostPorts?: Record<string, number> }>;
    };
    return Object.values(state.pods ?? {}).flatMap((pod) =>
      Object.entries(pod.hostPorts ?? {}).map(([containerPort, port]) => ({
        port,
        address: '127.0.0.1',
        wantedBy: `pod ${pod.name ?? '?'} (port ${containerPort})`,
        owner: pod.name ?? '',
      })),
    );
  } catch {
    return [];
  }
}
