import { engine, quote, workloadFailed } from "./evidence-facts.js";
import { failedSteps, stepLines } from "./journal-facts.js";
const GO_CRASH = /^(?:panic: |fatal error: |\[signal SIG[A-Z]+: |SIGSEGV: segmentation violation|goroutine \d+ \[[^\]]+\]:)|\.go:\d+ \+0x[0-9a-f]+\b/;
const NATIVE_CRASH = /Segmentation fault|core dumped|Illegal instruction|Bus error/i;
const DROPPED = /(?:\.sock|docker_engine|\/libpod\/\S*)\S*:? (?:read: connection reset by peer|.*\bEOF\s*$)|rpc error: code = Unavailable desc = (?:error reading from server|transport is closing|connection closed)|grpc: the client connection is closing|server probably quit/i;
const STEP_LOG = /^#\d+ [\d.]+ /;
const GO_CRASH_HEADER = /^(?:panic: |fatal error: |\[signal SIG[A-Z]+: |goroutine \d+ \[[^\]]+\]:)/;
const ENGINE_CODE = /github\.com\/(?:containers\/(?:podman|libpod|buildah|storage|image|common|conmon)|moby\/(?:buildkit|moby)|docker\/(?:docker|cli|buildx)|containerd\/|opencontainers\/runc|cri-o\/)/;
const ENGINE_STEPS = ["build", "deliver"];
function engineRuntimeCrash(input) {
  const e = engine(input);
  const out = [];
  if (e && !e.reachable && !e.hung && e.error && (GO_CRASH.test(e.error.trim()) || NATIVE_CRASH.test(e.error)))
    out.push(quote("engine", `${e.name} version: ${e.error}`));
  for (const step of failedSteps(input.run)) {
    const lines = stepLines(input.run, step).filter((l) => l.part !== "message");
    const own = !workloadFailed(input, step);
    const dropped = lines.filter((l) => DROPPED.test(l.text) && !STEP_LOG.test(l.text));
    if (step.kind !== void 0 && ENGINE_STEPS.includes(step.kind) && own && dropped.length > 0)
      out.push(...dropped.slice(0, 2).map((l) => quote(l.source, l.text)));
    const crash = lines.filter((l) => GO_CRASH.test(l.text.trim()));
    if (crash.length === 0) continue;
    const engineStep = step.kind !== void 0 && ENGINE_STEPS.includes(step.kind) && crash.some((l) => GO_CRASH_HEADER.test(l.text.trim())) && lines.some((l) => ENGINE_CODE.test(l.text)) && own;
    if (engineStep) out.push(...crash.slice(0, 3).map((l) => quote(l.source, l.text)));
  }
  return [...new Set(out)].slice(0, 4);
}
export {
  DROPPED,
  engineRuntimeCrash
};
//# sourceMappingURL=engine-runtime-crash.js.map
