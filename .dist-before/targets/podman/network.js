import { TarmacError, ExitCode } from "../../errors/errors.js";
import { parseJsonList } from "./podman-cli.js";
import { networkLabels, podmanOwnership } from "./names.js";
import { otherCheckoutError } from "../other-checkout.js";
import { asRecord, asStringMap } from "./shape.js";
async function inspectNetwork(cli, name, signal) {
  const result = await cli.run(["network", "inspect", name], { signal });
  if (!result.ok) {
    if (/network not found|no such network|unable to find network/i.test(result.stderr)) return void 0;
    throw cli.failed(result, `Could not inspect podman network ${name}`);
  }
  const raw = asRecord(parseJsonList(result.stdout)[0]) ?? {};
  return { name, labels: asStringMap(raw.labels), dnsEnabled: raw.dns_enabled === true };
}
async function createNetwork(cli, name, id, signal) {
  const labels = Object.entries(networkLabels(id)).flatMap(([key, value]) => ["--label", `${key}=${value}`]);
  await cli.must(
    ["network", "create", "--disable-dns=false", ...labels, name],
    `Could not create podman network ${name}`,
    { signal }
  );
  const created = await inspectNetwork(cli, name, signal);
  if (!created?.dnsEnabled) {
    throw new TarmacError(
      "TARGET_NETWORK_NO_DNS",
      `podman network ${name} was created but ${created ? "has DNS disabled" : "does not exist"}`,
      {
        exitCode: ExitCode.environment,
        hint: "Pods find each other by Service name through aardvark-dns: install it (apt-get install aardvark-dns) and use the netavark network backend."
      }
    );
  }
  return created;
}
function assertOurNetwork(network, id) {
  const owner = podmanOwnership(network.labels, id);
  if (owner === "ours" || owner === "legacy") return;
  if (owner === "other-checkout") throw otherCheckoutError(`podman network ${network.name}`, network.labels, id);
  throw new TarmacError(
    "TARGET_NETWORK_FOREIGN",
    `podman network ${network.name} exists but was not created by tarmac for env ${id.env} (it lacks the labels io.tarmac.env=${id.env}, io.tarmac.target=podman)`,
    {
      exitCode: ExitCode.environment,
      hint: `tarmac never uses or removes what it did not create. Remove or rename that network (podman network rm ${network.name}), or rename the env.`
    }
  );
}
export {
  assertOurNetwork,
  createNetwork,
  inspectNetwork
};
//# sourceMappingURL=network.js.map
