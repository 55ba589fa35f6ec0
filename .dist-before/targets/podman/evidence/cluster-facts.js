import { envIdentity } from "../../../config/project-identity.js";
import { networkName } from "../names.js";
import { podmanCli } from "../podman-cli.js";
import { envStatus } from "../status.js";
async function podmanClusterFacts(deps) {
  const { env, engine, log: raw, signal } = deps;
  const cli = podmanCli(engine, { timeoutMs: 4e3, signal }, (result) => raw.result(result));
  const network = networkName(env.name);
  const state = await envStatus(cli, envIdentity(env), network, signal);
  for (const problem of state.problems) raw.note(`problem: ${problem}`);
  return {
    target: "podman",
    name: network,
    listed: state.exists,
    createdByTarmac: state.createdByTarmac,
    nodes: state.nodes.map((n) => ({ name: n.name, state: n.state }))
  };
}
export {
  podmanClusterFacts
};
//# sourceMappingURL=cluster-facts.js.map
