import { ExitCode, TarmacError } from "../../errors/errors.js";
import { kindErrorLine } from "./kind-tools.js";
const TRANSIENT = /ctr\b.*\bimport|failed to load image|exit status 125|server probably quit|unexpected EOF|connection reset|i\/o timeout|context deadline exceeded|container state improper/i;
const PERMANENT = /no nodes found for cluster|unknown node|not present locally|no such file or directory|name of image archive is required/i;
class LoadFailedError extends TarmacError {
  transient;
  constructor(ref, cluster, result) {
    const text = `${result.stderr}
${result.stdout}`;
    super("KIND_LOAD_FAILED", `kind load image-archive of ${ref} into ${cluster} failed: ${kindErrorLine(result)}`, {
      exitCode: ExitCode.infrastructure,
      hint: `Run \`tarmac status\` to check the cluster; \`kind load image-archive\` needs every node container running.`,
      details: result.tail.slice(-10),
      cause: { command: result.command, exitCode: result.exitCode, timedOut: result.timedOut }
    });
    this.transient = !result.cancelled && (result.timedOut || TRANSIENT.test(text) && !PERMANENT.test(text));
  }
}
function isTransientDeliveryFailure(error) {
  if (error instanceof LoadFailedError) return error.transient;
  return error instanceof TarmacError && (error.code === "ENGINE_UNREACHABLE" || error.code === "ENGINE_TIMEOUT");
}
function notVerifiedError(ref, cluster, presence, engine) {
  const details = presence.missing.map((node) => {
    const similar = presence.lookalikes.get(node);
    return similar ? `${node}: has ${similar.join(", ")} but not ${ref}` : `${node}: no image named ${ref}`;
  });
  const renamed = presence.lookalikes.size > 0;
  return new TarmacError(
    "DELIVERY_NOT_VERIFIED",
    `kind load reported success, but ${ref} is not on kind node(s) ${presence.missing.join(", ")} of ${cluster}`,
    {
      exitCode: ExitCode.infrastructure,
      details,
      hint: renamed ? "The node has the image under another name: podman names unqualified builds localhost/NAME, containerd names them docker.io/library/NAME. Use the fully qualified reference (e.g. localhost/NAME:TAG) in the manifests and for delivery." : `Check the node with \`${engine} exec ${presence.missing[0] ?? "<node>"} crictl images\`; the load may have gone to another cluster or the node's containerd rejected it.`
    }
  );
}
export {
  LoadFailedError,
  isTransientDeliveryFailure,
  notVerifiedError
};
//# sourceMappingURL=deliver-errors.js.map
