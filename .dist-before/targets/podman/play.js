import { chmod, mkdir, writeFile } from "node:fs/promises";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "../../files/private.js";
import { join } from "node:path";
import { stringify } from "yaml";
import { TarmacError } from "../../errors/errors.js";
import { chooseHostPorts, withHostPorts } from "./host-ports.js";
const PORT_ATTEMPTS = 3;
function networkArg(network, aliases) {
  return aliases.length === 0 ? network : `${network}:${aliases.map((a) => `alias=${a}`).join(",")}`;
}
async function playUnit(unit, options) {
  const playFile = join(options.playDir, `${unit.podName}.yaml`);
  await mkdir(options.playDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  let previous = options.previousPorts;
  for (let attempt = 1; ; attempt++) {
    const hostPorts = await chooseHostPorts(unit.publish, previous);
    const documents = [...unit.extras, withHostPorts(unit.pod, hostPorts)].map((doc) => stringify(doc)).join("---\n");
    await writeFile(
      playFile,
      `# Played by tarmac on network ${options.network}; removed by \`tarmac down\`.
${documents}`,
      // The played YAML holds the env's Secrets (their data, base64): only the owner may read it.
      { mode: PRIVATE_FILE_MODE }
    );
    await chmod(playFile, PRIVATE_FILE_MODE);
    const args = [
      "kube",
      "play",
      ...options.insecure ? ["--tls-verify=false"] : [],
      "--network",
      networkArg(options.network, unit.aliases),
      playFile
    ];
    const result = await options.cli.run(args, {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onLine: (line) => options.output(line)
    });
    if (result.ok) return { hostPorts, playFile };
    if (/failed to start \d+ containers?/i.test(result.stderr)) throw startFailed(unit, result, options.cli);
    await options.removePod(unit.podName);
    if (/address already in use/i.test(result.stderr) && attempt < PORT_ATTEMPTS) {
      options.output(`a chosen host port was taken meanwhile; retrying ${unit.podName} with other ports`);
      previous = {};
      continue;
    }
    throw playFailed(unit, result, options.cli, playFile);
  }
}
function startFailed(unit, result, cli) {
  const error = cli.failed(
    result,
    `${unit.workload.kind}/${unit.workload.name} (${unit.source}): a container of pod ${unit.podName} could not start`
  );
  const reason = result.tail.find((line) => /runc|crun|OCI runtime|starting container/i.test(line));
  return new TarmacError(
    "CONTAINER_START_FAILED",
    reason ? `${error.message}: ${reason.replace(/^\[|\]$/g, "")}` : error.message,
    {
      details: error.details,
      hint: "Check the container command and its image (the entrypoint must exist in the image).",
      cause: error
    }
  );
}
function playFailed(unit, result, cli, playFile) {
  const pull = result.tail.find(
    (line) => /initializing source|pinging container registry|manifest unknown|image not known|pull access denied/i.test(line)
  );
  const error = cli.failed(
    result,
    `podman kube play of ${unit.workload.kind}/${unit.workload.name} (${unit.source}) failed`,
    `The played file is ${playFile}.`
  );
  if (!pull) return error;
  const image = unit.images.find((i) => pull.includes(i.ref))?.ref ?? unit.images[0]?.ref ?? "?";
  return new TarmacError(
    "IMAGE_PULL_FAILED",
    `${unit.workload.kind}/${unit.workload.name} (${unit.source}): podman could not pull image ${image}`,
    {
      details: error.details,
      hint: "Check the image reference and that its registry is reachable (an insecure local registry needs registry.insecure: true).",
      cause: error
    }
  );
}
export {
  networkArg,
  playUnit
};
//# sourceMappingURL=play.js.map
