// Every kind, kubectl and in-node command of the kind target, through the injected CommandRunner with argv arrays,
// the tool environment (engine, provider, private KUBECONFIG) and a timeout on every call.
import { ExitCode, TarmacError } from '../../errors/errors.js';
import { commandFailed } from '../../exec/errors.js';
import type { CommandOptions, CommandResult, CommandRunner } from '../../exec/types.js';
import type { ContainerEngine } from '../../engines/types.js';
import { engineFailed } from '../../engines/engine-error.js';
import { toolEnv } from './tool-env.js';

/** Timeouts of the quick calls, in ms. */
export const QUICK_MS = 30_000;
/** `kind delete cluster` and `kind export logs` may take a while on a loaded engine. */
export const SLOW_MS = 120_000;

const INSTALL_HINTS: Record<string, string> = {
  kind: 'Install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or set cluster.target: podman.',
  kubectl: 'Install kubectl (https://kubernetes.io/docs/tasks/tools/); the kind target uses it to check and deploy.',
};

type CallOptions = Omit<CommandOptions, 'env'> & { timeoutMs: number };

/** The command runners of one kind cluster. */
export class KindTools {
  readonly env: Record<string, string>;

  constructor(
    private readonly runner: CommandRunner,
    readonly engine: ContainerEngine,
    readonly kubeconfig: string,
  ) {
    this.env = toolEnv(engine, kubeconfig);
  }

  /** The same tools for another cluster's private kubeconfig. */
  forKubeconfig(kubeconfig: string): KindTools {
    return new KindTools(this.runner, this.engine, kubeconfig);
  }

  /** Runs `kind args`; resolves with the result (a missing binary throws KIND_NOT_FOUND). */
  kind(args: readonly string[], options: CallOptions): Promise<CommandResult> {
    return this.tool('kind', args, options);
  }

  /** Runs `kubectl --kubeconfig <private file> args`. */
  kubectl(args: readonly string[], options: CallOptions): Promise<CommandResult> {
    return this.tool('kubectl', ['--kubeconfig', this.kubeconfig, ...args], options);
  }

  /**
   * Runs a long-lived `kubectl --kubeconfig <private file> args` (port-forward, logs -f) until it ends or `signal`
   * aborts: no timeout, because ending is the signal's job; whoever waits for it bounds the wait.
   */
  kubectlUntilStopped(
    args: readonly string[],
    options: { signal: AbortSignal; onLine: NonNullable<CommandOptions['onLine']>; killGraceMs?: number },
  ): Promise<CommandResult> {
    return this.tool('kubectl', ['--kubeconfig', this.kubeconfig, ...args], options);
  }

  /** Runs `kind args` and throws KIND_COMMAND_FAILED (with kind's last lines) unless it succeeded. */
  async mustKind(
    args: readonly string[],
    message: string,
    options: CallOptions,
    hint?: string,
  ): Promise<CommandResult> {
    const result = await this.kind(args, options);
    if (!result.ok)
      throw commandFailed(result, {
        code: result.cancelled ? 'CANCELLED' : 'KIND_COMMAND_FAILED',
        message: `${message}: ${kindErrorLine(result)}`,
        hint,
        ...(result.cancelled ? { exitCode: ExitCode.interrupted } : {}),
      });
    return result;
  }

  /** Runs a command inside a node container: `<engine prefix> exec <node> args`. */
  async nodeExec(node: string, args: readonly string[], options: CallOptions): Promise<CommandResult> {
    const result = await this.engine.exec(['exec', node, ...args], options);
    if (result.spawnError !== undefined)
      throw engineFailed(this.engine.name, result, `Could not run ${this.engine.name}`);
    return result;
  }

  private async tool(
    bin: 'kind' | 'kubectl',
    args: readonly string[],
    options: Omit<CommandOptions, 'env'>,
  ): Promise<CommandResult> {
    const result = await this.runner(bin, args, { ...options, env: this.env });
    if (result.spawnError !== undefined) {
      throw new TarmacError(
        bin === 'kind' ? 'KIND_NOT_FOUND' : 'KUBECTL_NOT_FOUND',
        `\`${bin}\` could not be started: ${result.spawnError}`,
        {
          exitCode: ExitCode.environment,
          hint: INSTALL_HINTS[bin],
        },
      );
    }
    return result;
  }
}

/** kind's own error line (`ERROR: failed to create cluster: ...`), else the last output line, else how it ended. */
export function kindErrorLine(result: CommandResult): string {
  const lines = [...result.stderr.split('\n'), ...result.stdout.split('\n')].map((l) => l.trim()).filter(Boolean);
  const error = [...lines].reverse().find((l) => /^(ERROR|error):/.test(l));
  if (error) return error;
  if (result.timedOut) return `no answer within ${Math.round((result.timeoutMs ?? result.durationMs) / 1000)}s`;
  if (result.cancelled) return 'cancelled';
  return lines.at(-1) ?? `exit code ${String(result.exitCode)}`;
}
