import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExitCode, TarmacError } from "../../errors/errors.js";
import { applyPhases } from "../../kube/apply-order.js";
import { kindErrorLine } from "./kind-tools.js";
import { ownNamespaces } from "./own-namespaces.js";
const APPLY_TIMEOUT_MS = 12e4;
const ESTABLISHED_TIMEOUT_S = 60;
const APPLIED = /^(\S+)\/(\S+) (created|configured|unchanged|serverside-applied)\b/;
async function applyGroup(deps, group, ctx) {
  const phases = applyPhases(group.objects);
  const namespaces = ownNamespaces(group, deps.env.name);
  for (const [index, phase] of phases.entries()) {
    if (phase.afterEstablished.length > 0) await waitEstablished(deps, group, phase.afterEstablished, ctx);
    await applyObjects(deps, group, index === 0 ? [...namespaces, ...phase.objects] : phase.objects, ctx);
  }
}
async function applyObjects(deps, group, objects, ctx) {
  const file = join(
    tmpdir(),
    `tarmac-${deps.runId}-apply-${group.name.replace(/[^A-Za-z0-9_.-]/g, "_")}-${randomBytes(4).toString("hex")}.json`
  );
  const list = { apiVersion: "v1", kind: "List", items: objects.map((o) => o.object) };
  try {
    await writeFile(file, `${JSON.stringify(list, null, 2)}
`, { mode: 384 });
    const result = await deps.tools.kubectl(["apply", "-f", file], {
      timeoutMs: APPLY_TIMEOUT_MS,
      signal: ctx.signal,
      onLine: ctx.output
    });
    if (!result.ok) {
      throw new TarmacError(
        "DEPLOY_APPLY_FAILED",
        `kubectl apply of deploy group ${group.name} failed: ${kindErrorLine(result)}`,
        {
          exitCode: ExitCode.infrastructure,
          hint: `The manifests come from ${sourceFiles(group)}; fix the object kubectl names, or check the cluster with \`tarmac status\`.`,
          details: result.tail.slice(-10)
        }
      );
    }
    const missing = objects.map((o) => o.object).filter((object) => !reported(result.stdout, object));
    if (missing.length > 0) {
      throw new TarmacError(
        "DEPLOY_APPLY_NOT_VERIFIED",
        `kubectl apply of deploy group ${group.name} exited 0 but did not report ${missing.map(describe).join(", ")}`,
        {
          exitCode: ExitCode.infrastructure,
          details: result.tail.slice(-10),
          hint: "kubectl skipped objects it did not understand: check their apiVersion and kind."
        }
      );
    }
  } finally {
    await rm(file, { force: true });
  }
}
async function waitEstablished(deps, group, crds, ctx) {
  const result = await deps.tools.kubectl(
    [
      "wait",
      "--for",
      "condition=Established",
      ...crds.map((name) => `crd/${name}`),
      `--timeout=${ESTABLISHED_TIMEOUT_S}s`
    ],
    { timeoutMs: (ESTABLISHED_TIMEOUT_S + 15) * 1e3, signal: ctx.signal, onLine: ctx.output }
  );
  if (result.ok) return;
  throw new TarmacError(
    "DEPLOY_APPLY_FAILED",
    `deploy group ${group.name}: CustomResourceDefinition ${crds.join(", ")} not established: ${kindErrorLine(result)}`,
    {
      exitCode: ExitCode.infrastructure,
      hint: `Its custom resources are applied once the API server serves their kinds; check the CRD with \`kubectl get crd ${crds[0] ?? ""} -o yaml\` (status.conditions).`,
      details: result.tail.slice(-10)
    }
  );
}
function reported(stdout, object) {
  const kind = object.kind.toLowerCase();
  return stdout.split("\n").some((line) => {
    const match = APPLIED.exec(line.trim());
    return match !== null && match[2] === object.metadata.name && (match[1] === kind || match[1]?.startsWith(`${kind}.`));
  });
}
function describe(object) {
  return `${object.kind}/${object.metadata.name}`;
}
function sourceFiles(group) {
  return [...new Set(group.objects.map((o) => o.file))].join(", ");
}
export {
  applyGroup
};
//# sourceMappingURL=apply-group.js.map
