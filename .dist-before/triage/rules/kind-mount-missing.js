import { captureFromFailures, clusterName, conf } from "./evidence-facts.js";
import { createFailureLines } from "./kind-create-signatures.js";
const kindMountMissing = {
  id: "kind-mount-missing",
  title: "kind create failed: an extraMounts host directory or the kind config is missing",
  refs: ["research-kubernaut \xA73 #12", "research-kubernaut \xA73 #22"],
  match(input) {
    const lines = createFailureLines(
      input,
      /statfs \S+: no such file or directory|error reading file: open|mount.*no such file or directory/i
    );
    if (lines.length === 0) return void 0;
    const path = captureFromFailures(input, /statfs ([^:\s]+): no such file/i) ?? captureFromFailures(input, /error reading file: open ([^:\s]+):/i);
    const config = /error reading file/i.test(lines.join("\n"));
    const kindConfig = input.run.env?.kindConfig;
    return {
      confidence: conf(path ? 0.9 : 0.75),
      explains: ["permission"],
      summary: config ? `kind could not read its config file ${path ?? kindConfig ?? ""}: cluster.kindConfig points to a file that does not exist.` : `kind could not start the node of cluster ${clusterName(input)}: the extraMounts host path ${path ?? "?"} in ${kindConfig ?? "the kind config"} does not exist.`,
      evidence: lines,
      actions: config ? [
        `ls -l ${path ?? kindConfig ?? "<kind config>"}`,
        "fix cluster.kindConfig in tarmac.yaml (relative to tarmac.yaml)"
      ] : [
        `mkdir -p ${path ?? "<hostPath>"}`,
        `then run tarmac up again (or fix extraMounts[].hostPath in ${kindConfig ?? "the kind config"})`
      ]
    };
  }
};
export {
  kindMountMissing
};
//# sourceMappingURL=kind-mount-missing.js.map
