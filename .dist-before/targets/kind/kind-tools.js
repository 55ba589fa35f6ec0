import { ExitCode, TarmacError } from "../../errors/errors.js";
import { commandFailed } from "../../exec/errors.js";
import { engineFailed } from "../../engines/engine-error.js";
import { toolEnv } from "./tool-env.js";
const QUICK_MS = 3e4;
const SLOW_MS = 12e4;
const INSTALL_HINTS = {
  kind: "Install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or set cluster.target: podman.",
  kubectl: "Install kubectl (https://kubernetes.io/docs/tasks/tools/); the kind target uses it to check and deploy."
};
class KindTools {
  constructor(runner, engine, kubeconfig) {
    this.runner = runner;
    this.engine = engine;
    this.kubeconfig = kubeconfig;
    this.env = toolEnv(engine, kubeconfig);
  }
  runner;
  engine;
  kubeconfig;
  env;
  /** The same tools for another cluster's private kubeconfig. */
  forKubeconfig(kubeconfig) {
    return new KindTools(this.runner, this.engine, kubeconfig);
  }
  /** Runs `kind args`; resolves with the result (a missing binary throws KIND_NOT_FOUND). */
  kind(args, options) {
    return this.tool("kind", args, options);
  }
  /** Runs `kubectl --kubeconfig <private file> args`. */
  kubectl(args, options) {
    return this.tool("kubectl", ["--kubeconfig", this.kubeconfig, ...args], options);
  }
  /**
   * Runs a long-lived `kubectl --kubeconfig <private file> args` (port-forward, logs -f) until it ends or `signal`
   * aborts: no timeout, because ending is the signal's job; whoever waits for it bounds the wait.
   */
  kubectlUntilStopped(args, options) {
    return this.tool("kubectl", ["--kubeconfig", this.kubeconfig, ...args], options);
  }
  /** Runs `kind args` and throws KIND_COMMAND_FAILED (with kind's last lines) unless it succeeded. */
  async mustKind(args, message, options, hint) {
    const result = await this.kind(args, options);
    if (!result.ok)
      throw commandFailed(result, {
        code: result.cancelled ? "CANCELLED" : "KIND_COMMAND_FAILED",
        message: `${message}: ${kindErrorLine(result)}`,
        hint,
        ...result.cancelled ? { exitCode: ExitCode.interrupted } : {}
      });
    return result;
  }
  /** Runs a command inside a node container: `<engine prefix> exec <node> args`. */
  async nodeExec(node, args, options) {
    const result = await this.engine.exec(["exec", node, ...args], options);
    if (result.spawnError !== void 0)
      throw engineFailed(this.engine.name, result, `Could not run ${this.engine.name}`);
    return result;
  }
  async tool(bin, args, options) {
    const result = await this.runner(bin, args, { ...options, env: this.env });
    if (result.spawnError !== void 0) {
      throw new TarmacError(
        bin === "kind" ? "KIND_NOT_FOUND" : "KUBECTL_NOT_FOUND",
        `\`${bin}\` could not be started: ${result.spawnError}`,
        {
          exitCode: ExitCode.environment,
          hint: INSTALL_HINTS[bin]
        }
      );
    }
    return result;
  }
}
function kindErrorLine(result) {
  const lines = [...result.stderr.split("\n"), ...result.stdout.split("\n")].map((l) => l.trim()).filter(Boolean);
  const error = [...lines].reverse().find((l) => /^(ERROR|error):/.test(l));
  if (error) return error;
  if (result.timedOut) return `no answer within ${Math.round((result.timeoutMs ?? result.durationMs) / 1e3)}s`;
  if (result.cancelled) return "cancelled";
  return lines.at(-1) ?? `exit code ${String(result.exitCode)}`;
}
export {
  KindTools,
  QUICK_MS,
  SLOW_MS,
  kindErrorLine
};
//# sourceMappingURL=kind-tools.js.map
