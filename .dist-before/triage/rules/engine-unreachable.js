import { conf, engine, engineCmd, failureLines, quote, workloadFailed } from "./evidence-facts.js";
import { failedSteps, incidents } from "./journal-facts.js";
import { noAnswer } from "./engine-hung.js";
const UNREACHABLE = /Cannot connect to Podman|unable to connect to Podman socket|Cannot connect to the Docker daemon|error during connect|dial unix .*: connect: (connection refused|no such file or directory)|ssh: rejected: connect failed|permission denied while trying to connect to the Docker daemon socket/i;
const REACH = /connect|refused|no such file|not running|machine|socket|timed? ?out|deadline/i;
const engineUnreachable = {
  id: "engine-unreachable",
  title: "The container engine is not reachable (machine stopped, socket gone, daemon down)",
  refs: ["research-kind-podman \xA7B 1", "research-kind-podman \xA7B 23"],
  match(input) {
    const e = engine(input);
    const down = e !== void 0 && !e.reachable && !e.hung;
    const lines = failureLines(input, (line, step) => UNREACHABLE.test(line.text) && !workloadFailed(input, step), 3);
    const failedOnEngine = failedSteps(input.run).filter(
      (f) => f.error?.code === "ENGINE_UNREACHABLE" || f.error?.code === "ENGINE_LOST"
    );
    if (!down && lines.length === 0) return void 0;
    const machines = input.evidence.machine?.data;
    const stopped = machines?.exists ? machines.machines.filter((m) => m.state !== "running") : [];
    const crashed = incidents(input.run, "engine-crash", "engine-lost").length > 0;
    let confidence = down && (lines.length > 0 || failedOnEngine.length > 0) ? 0.9 : down ? 0.75 : e?.reachable ? 0.4 : 0.7;
    if (crashed) confidence -= 0.25;
    if (down && lines.length === 0 && e.error !== void 0 && !UNREACHABLE.test(e.error) && !REACH.test(e.error))
      confidence = Math.min(confidence, 0.45);
    if (down && lines.length === 0 && noAnswer(e.error)) confidence = Math.min(confidence, 0.45);
    const cmd = engineCmd(input);
    const conn = input.evidence.connections?.data;
    const evidence = [
      ...e && !e.reachable ? [quote("engine", `${e.name} did not answer: ${e.error ?? "unreachable"}`)] : [],
      ...e?.reachable ? [quote("engine", `${e.name} answers again now (${e.probeMs} ms)`)] : [],
      ...stopped.map((m) => quote("machine", `podman machine ${m.name}: ${m.state}`)),
      ...conn?.hostEnv ? [quote("connections", `engine reached through ${conn.hostEnv}`)] : [],
      ...lines
    ];
    const actions = cmd === "docker" ? [
      "docker info",
      "docker context ls",
      "start the Docker daemon (systemctl start docker, or Docker Desktop/Colima)"
    ] : [
      ...stopped.length > 0 ? stopped.map((m) => `podman machine start ${m.name}`) : [],
      ...machines?.exists && stopped.length === 0 ? ["podman machine stop; podman machine start"] : [],
      "podman system connection list",
      ...conn?.hostEnv ? [`check the API service behind ${conn.hostEnv} (e.g. systemctl --user start podman.socket)`] : [],
      "podman info"
    ];
    return {
      confidence: conf(confidence),
      explains: ["connection-refused", "permission", "timeout", "network", "dns"],
      summary: stopped.length > 0 ? `The engine is not reachable: podman machine ${stopped.map((m) => m.name).join(", ")} is ${stopped[0]?.state ?? "not running"}.` : `The ${cmd} engine is not reachable${conn?.hostEnv ? ` at ${conn.hostEnv}` : ""}: its API socket refuses connections or is gone.`,
      evidence,
      actions
    };
  }
};
export {
  engineUnreachable
};
//# sourceMappingURL=engine-unreachable.js.map
