import { conf, engineCmd } from "./evidence-facts.js";
import { createFailureLines } from "./kind-create-signatures.js";
const kindNetworkConflict = {
  id: "kind-network-conflict",
  title: "kind's `kind` network could not be created or used",
  refs: ["research-kind-podman \xA7B 12"],
  match(input) {
    const lines = createFailureLines(
      input,
      /failed to ensure (podman|docker) network|subnet .* is already used|failed to set ip address to podman|netavark/i
    );
    if (lines.length === 0) return void 0;
    const cmd = engineCmd(input);
    return {
      confidence: conf(lines.some((l) => /failed to ensure|already used/i.test(l)) ? 0.9 : 0.7),
      summary: "kind could not create its `kind` network: its subnet clashes with another network or the network backend failed.",
      evidence: lines,
      actions: [
        `${cmd} network inspect kind`,
        `${cmd} network ls`,
        `${cmd} network rm kind   # once no kind node uses it; kind recreates it`
      ]
    };
  }
};
export {
  kindNetworkConflict
};
//# sourceMappingURL=kind-network-conflict.js.map
