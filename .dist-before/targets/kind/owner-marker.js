import { join, dirname } from "node:path";
import { envIdentity } from "../../config/project-identity.js";
import { LABEL_ENV, LABEL_MANAGED, LABEL_PROJECT, LABEL_PROJECT_PATH } from "../../engines/labels.js";
import { ExitCode, TarmacError } from "../../errors/errors.js";
import { commandFailed } from "../../exec/errors.js";
import { otherCheckoutError } from "../other-checkout.js";
import { kindErrorLine, QUICK_MS } from "./kind-tools.js";
import { writePrivateFile } from "./paths.js";
const MARKER = { name: "tarmac-owner", namespace: "kube-system" };
function markerObject(deps) {
  const id = envIdentity(deps.env);
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { ...MARKER, labels: { [LABEL_MANAGED]: "true", [LABEL_ENV]: id.env, [LABEL_PROJECT]: id.project } },
    // A path is not a valid label value: the data holds all four, under the label keys the podman target uses.
    data: {
      [LABEL_MANAGED]: "true",
      [LABEL_ENV]: id.env,
      [LABEL_PROJECT]: id.project,
      [LABEL_PROJECT_PATH]: id.projectPath
    }
  };
}
async function writeMarker(deps, signal) {
  const file = join(dirname(deps.kubeconfig), `${deps.name}.owner.json`);
  await writePrivateFile(file, `${JSON.stringify(markerObject(deps), null, 2)}
`);
  const result = await deps.tools.kubectl(["apply", "-f", file], { timeoutMs: QUICK_MS, signal });
  if (!result.ok)
    throw commandFailed(result, {
      code: result.cancelled ? "CANCELLED" : "KIND_COMMAND_FAILED",
      message: `Could not mark kind cluster ${deps.name} as this checkout's: ${kindErrorLine(result)}`,
      hint: "The cluster answered /readyz a moment ago; check it with `tarmac status`, then run again."
    });
}
async function readMarker(deps, signal) {
  const args = ["get", "configmap", MARKER.name, "-n", MARKER.namespace, "-o", "json"];
  const result = await deps.tools.kubectl(args, { timeoutMs: QUICK_MS, signal });
  if (!result.ok) {
    if (/\(NotFound\): configmaps "tarmac-owner" not found/.test(result.stderr)) return void 0;
    throw commandFailed(result, {
      code: result.cancelled ? "CANCELLED" : "KIND_COMMAND_FAILED",
      message: `Could not read which checkout made kind cluster ${deps.name}: ${kindErrorLine(result)}`,
      hint: "tarmac reuses a cluster it did not create only after checking it is not another checkout\u2019s; run again once `tarmac status` says healthy."
    });
  }
  const data = parseJson(result.stdout, args)?.data;
  if (data === null || typeof data !== "object") return void 0;
  return Object.fromEntries(Object.entries(data).filter((e) => typeof e[1] === "string"));
}
async function refuseOtherCheckout(deps, signal) {
  const marker = await readMarker(deps, signal);
  const project = marker?.[LABEL_PROJECT];
  if (project === void 0 || project === envIdentity(deps.env).project) return;
  throw otherCheckoutError(`kind cluster ${deps.name}`, marker ?? {}, envIdentity(deps.env));
}
function parseJson(text, args) {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new TarmacError("KIND_COMMAND_FAILED", `\`kubectl ${args.join(" ")}\` did not print JSON`, {
      exitCode: ExitCode.infrastructure,
      cause
    });
  }
}
export {
  MARKER,
  markerObject,
  readMarker,
  refuseOtherCheckout,
  writeMarker
};
//# sourceMappingURL=owner-marker.js.map
