// One reading of a cluster's nodes and of each node's images, shared by the checks of one tarmac command.
// Why: an `up` asks "is this image on the nodes?" for every image, before planning its delivery and again as the
// delivery starts, and each answer costs a `ps` and a `crictl images` exec per node (about 0.3 s of CPU here).
// What a node holds changes only when tarmac loads an image or (re)creates the cluster, and those forget the
// reading; a delivery still verifies its load with a fresh one.

/** Memoised node names and per-node image tags; a failed read is not kept. */
export class NodeImageCache {
  private nodeNames: Promise<string[]> | undefined;
  private readonly tagsByNode = new Map<string, Promise<string[]>>();

  /** The cluster's Kubernetes node names, read with `read` the first time. */
  nodes(read: () => Promise<string[]>): Promise<string[]> {
    this.nodeNames ??= forgetOnFailure(read(), () => (this.nodeNames = undefined));
    return this.nodeNames;
  }

  /** The image tags of `node`, read with `read` the first time. */
  tags(node: string, read: () => Promise<string[]>): Promise<string[]> {
    let tags = this.tagsByNode.get(node);
    if (!tags) {
      tags = forgetOnFailure(read(), () => this.tagsByNode.delete(node));
      this.tagsByNode.set(node, tags);
    }
    return tags;
  }

  /** Forgets everything: the next check reads the cluster again. */
  forget(): void {
    this.nodeNames = undefined;
    this.tagsByNode.clear();
  }
}

// The promise itself, after arranging that a rejection drops it from the cache.
function forgetOnFailure<T>(promise: Promise<T>, drop: () => void): Promise<T> {
  promise.catch(drop);
  return promise;
}
