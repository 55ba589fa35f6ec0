import { ExitCode, TarmacError } from "../../errors/errors.js";
import { errorLine } from "../../engines/classify.js";
import { kubeNodes, nodeContainers, nodeName } from "./cluster-status.js";
import { canonicalRef, shortRef } from "./image-ref.js";
import { QUICK_MS } from "./kind-tools.js";
async function nodeImageTags(deps, node, signal) {
  const result = await deps.tools.nodeExec(node, ["crictl", "images", "-o", "json"], { timeoutMs: QUICK_MS, signal });
  if (!result.ok) {
    throw new TarmacError(
      "NODE_UNAVAILABLE",
      `could not list the images on kind node ${node}: ${errorLine(result) ?? result.command}`,
      {
        exitCode: ExitCode.infrastructure,
        hint: "The node container may have stopped: `tarmac status` shows the cluster; `tarmac up` recreates an unhealthy cluster.",
        details: result.tail.slice(-5)
      }
    );
  }
  try {
    const parsed = JSON.parse(result.stdout);
    return (parsed.images ?? []).flatMap((image) => image.repoTags ?? []).map(canonicalRef);
  } catch (cause) {
    throw new TarmacError("NODE_UNAVAILABLE", `\`crictl images -o json\` on kind node ${node} did not print JSON`, {
      exitCode: ExitCode.infrastructure,
      cause,
      details: result.tail.slice(-5)
    });
  }
}
async function imagePresence(deps, ref, signal) {
  const wanted = canonicalRef(ref);
  const nodes = kubeNodes(await nodeContainers(deps, signal)).map(nodeName);
  const tags = await Promise.all(nodes.map((node) => nodeImageTags(deps, node, signal)));
  const presence = { nodes, missing: [], lookalikes: /* @__PURE__ */ new Map() };
  nodes.forEach((node, i) => {
    const have = tags[i] ?? [];
    if (have.includes(wanted)) return;
    presence.missing.push(node);
    const similar = have.filter((tag) => shortRef(tag) === shortRef(ref));
    if (similar.length > 0) presence.lookalikes.set(node, similar);
  });
  return presence;
}
function presentEverywhere(presence) {
  return presence.nodes.length > 0 && presence.missing.length === 0;
}
export {
  imagePresence,
  nodeImageTags,
  presentEverywhere
};
//# sourceMappingURL=node-images.js.map
