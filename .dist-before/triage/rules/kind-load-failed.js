import { clusterName, conf, engineCmd, failureLinesMatching } from "./evidence-facts.js";
import { failedSteps } from "./journal-facts.js";
const kindLoadFailed = {
  id: "kind-load-failed",
  title: "kind load failed while importing the image into the node",
  refs: ["research-kubernaut \xA73 #7", "research-kind-podman \xA7B 18"],
  match(input) {
    const loads = failedSteps(input.run).filter((f) => f.error?.code === "KIND_LOAD_FAILED");
    if (loads.length === 0) return void 0;
    const digest = failureLinesMatching(input, /ctr: content digest sha256:\S+: not found/i, 2, ["deliver"]);
    const ctr = failureLinesMatching(input, /ctr .*images import|failed to load image/i, 2, ["deliver"]);
    const other = failureLinesMatching(
      input,
      /exit status 137|signal: killed|container state improper|not present locally|snapshotter/i,
      1,
      ["deliver"]
    );
    const confidence = digest.length > 0 ? 0.85 : other.length > 0 ? 0.3 : ctr.length > 0 ? 0.6 : 0.45;
    const name = clusterName(input);
    const step = loads[0];
    const cmd = engineCmd(input);
    return {
      confidence: conf(confidence),
      explains: ["no-space", "connection-refused", "timeout"],
      summary: digest.length > 0 ? `The node's containerd rejected the archive of ${step.subject ?? "the image"} (content digest not found): the archive holds a multi-platform index whose blobs the engine does not have.` : `kind load of ${step.subject ?? "the image"} into ${name} failed inside the node (ctr import); with the podman provider this is known to be unstable under load.`,
      evidence: [
        ...digest,
        ...ctr,
        ...failureLinesMatching(input, /KIND_LOAD_FAILED|kind load/i, 2, ["deliver"])
      ].filter((l, i, all) => all.indexOf(l) === i),
      actions: digest.length > 0 ? [
        `${cmd} save --platform linux/$(uname -m | sed 's/x86_64/amd64/;s/aarch64/arm64/') <image> -o img.tar && kind load image-archive img.tar --name ${name}`,
        "docker: disable the containerd image store, or save with --platform"
      ] : [
        `${cmd} exec ${name}-control-plane crictl images`,
        `tarmac up --capacity 1   # fewer loads at once`,
        `kind export logs --name ${name}   # containerd.log shows the import error`
      ]
    };
  }
};
export {
  kindLoadFailed
};
//# sourceMappingURL=kind-load-failed.js.map
