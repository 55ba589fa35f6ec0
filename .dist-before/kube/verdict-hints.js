const PULL = "the image was not delivered or the name differs: check the container's `image` and `imagePullPolicy`, and the node's images";
const HINTS = {
  ImagePullBackOff: PULL,
  ErrImagePull: PULL,
  ErrImageNeverPull: "the image is not on the node and `imagePullPolicy: Never` forbids pulling it: it was not delivered to this cluster under exactly this name (check the manifest's `image` against the config's image names)",
  InvalidImageName: "the `image:` value is not a valid image reference; check its spelling in the manifest",
  CrashLoopBackOff: "the container starts and then exits; its last exit code and log lines are above. Often a missing setting or dependency; run the image locally to reproduce",
  ContainerFailed: "the container exited with an error and its restartPolicy does not restart it; its last log lines are above",
  Restarting: "the container exited and is being restarted; its last log lines are above",
  CreateContainerConfigError: "a ConfigMap or Secret the pod references (or one of its keys) does not exist: add it to this group, or to a group listed in `after`",
  RunContainerError: "the runtime could not start the container: check `command`/`args` and that the entrypoint exists in the image",
  Unschedulable: "no node can take the pod: lower its resource requests, or check nodeSelector, affinity and taints against the cluster's nodes",
  ReadinessProbeFailing: "the container runs but its readiness probe fails: check the probe's path and port, and the services it depends on",
  StartupProbeFailing: "the container runs but its startup probe fails: check the probe, or give the service longer with `failureThreshold`",
  NoPods: "no pod was created for it: check the workload's selector and replicas, and the controller's events (`kubectl describe`)",
  ReplicasNotReady: "fewer pods than the manifest asks for are ready: the missing ones were not created yet (or were removed); see the target's output above",
  ConditionNotMet: "the object does not report the `wait` entry's condition as True yet: check its status (`kubectl get -o yaml`) and the condition's spelling",
  ConditionUnknown: "the object's condition could not be read",
  NotFound: "the object does not exist on the target: check that a group applies it",
  Evicted: "the node evicted the pod, usually for lack of memory or disk; free resources on the node"
};
function hintFor(reason) {
  return HINTS[reason] ?? "see the pod's events (`kubectl describe pod`) for more";
}
export {
  hintFor
};
//# sourceMappingURL=verdict-hints.js.map
