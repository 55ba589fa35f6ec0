// Which nodes have an image: `crictl images -o json` inside every node container (the kubelet's own view).
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { errorLine } from '../../engines/classify.js';
import { kubeNodes, nodeContainers, nodeName } from './cluster-status.js';
import { canonicalRef, shortRef } from './image-ref.js';
import type { KindDeps } from './kind-deps.js';
import { QUICK_MS } from './kind-tools.js';

/** Where an image is and is not, node by node. */
export interface ImagePresence {
  nodes: string[];
  missing: string[];
  /** Per node missing it: tags of the same image under another prefix (localhost/ vs docker.io/library/). */
  lookalikes: Map<string, string[]>;
}

/** The canonical tags of the images in one node's containerd store. */
export async function nodeImageTags(deps: KindDeps, node: string, signal?: AbortSignal): Promise<string[]> {
  const result = await deps.tools.nodeExec(node, ['crictl', 'images', '-o', 'json'], { timeoutMs: QUICK_MS, signal });
  if (!result.ok) {
    throw new TarmacError(
      'NODE_UNAVAILABLE',
      `could not list the images on kind node ${node}: ${errorLine(result) ?? result.command}`,
      {
        exitCode: ExitCode.infrastructure,
        hint: 'The node container may have stopped: `tarmac status` shows the cluster; `tarmac up` recreates an unhealthy cluster.',
        details: result.tail.slice(-5),
      },
    );
  }
  try {
    const parsed = JSON.parse(result.stdout) as { images?: { repoTags?: string[] }[] };
    return (parsed.images ?? []).flatMap((image) => image.repoTags ?? []).map(canonicalRef);
  } catch (cause) {
    throw new TarmacError('NODE_UNAVAILABLE', `\`crictl images -o json\` on kind node ${node} did not print JSON`, {
      exitCode: ExitCode.infrastructure,
      cause,
      details: result.tail.slice(-5),
    });
  }
}

/**
 * Checks every Kubernetes node of the cluster for `ref`. `fresh` reads the nodes again (a delivery verifies its
 * effect that way); otherwise the target's last reading is reused (NodeImageCache).
 */
export async function imagePresence(
  deps: KindDeps,
  ref: string,
  signal?: AbortSignal,
  fresh = false,
): Promise<ImagePresence> {
  const wanted = canonicalRef(ref);
  if (fresh) deps.nodeImages.forget();
  const nodes = await deps.nodeImages.nodes(() =>
    nodeContainers(deps, signal).then((all) => kubeNodes(all).map(nodeName)),
  );
  const tags = await Promise.all(
    nodes.map((node) => deps.nodeImages.tags(node, () => nodeImageTags(deps, node, signal))),
  );
  const presence: ImagePresence = { nodes, missing: [], lookalikes: new Map() };
  nodes.forEach((node, i) => {
    const have = tags[i] ?? [];
    if (have.includes(wanted)) return;
    presence.missing.push(node);
    const similar = have.filter((tag) => shortRef(tag) === shortRef(ref));
    if (similar.length > 0) presence.lookalikes.set(node, similar);
  });
  return presence;
}

/** Whether every node has the image (false for a cluster without nodes). */
export function presentEverywhere(presence: ImagePresence): boolean {
  return presence.nodes.length > 0 && presence.missing.length === 0;
}
